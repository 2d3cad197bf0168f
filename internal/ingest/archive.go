package ingest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"path"
	"strings"
)

// maxArchiveDepth bounds archives inside archives.
const maxArchiveDepth = 2

// member names an archive member in reports: "archive.zip!/dir/file.json".
func member(archive, name string) string { return archive + "!/" + name }

// nested reads an archive member, keeping the nesting bounded.
func (rd *reader) nested(name string, r io.Reader) error {
	rd.depth++
	defer func() { rd.depth-- }()
	return rd.read(name, "", r)
}

// readZip reads every member of a zip archive whose name rasid knows.
func (rd *reader) readZip(name string, r io.Reader) error {
	if rd.depth >= maxArchiveDepth {
		return rd.refuse(name, 0, "", "archive nested too deep")
	}
	data, err := readLimited(r, rd.opts.maxInput())
	if err != nil {
		return rd.refuse(name, 0, "", "%v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return rd.refuse(name, 0, "", "unreadable zip archive: %v", err)
	}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || !Known(f.Name) || hidden(f.Name) {
			continue
		}
		mname := member(name, f.Name)
		if f.UncompressedSize64 > uint64(rd.opts.maxInput()) {
			if err := rd.refuse(mname, 0, "", "%v", errTooBig(rd.opts.maxInput())); err != nil {
				return err
			}
			continue
		}
		fr, err := f.Open()
		if err != nil {
			if err := rd.refuse(mname, 0, "", "unreadable zip member: %v", err); err != nil {
				return err
			}
			continue
		}
		rd.sizeHint = int64(f.UncompressedSize64)
		err = rd.nested(mname, fr)
		fr.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// readTarGz reads a gzip-compressed tar archive.
func (rd *reader) readTarGz(name string, r io.Reader) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return rd.refuse(name, 0, "", "unreadable gzip data: %v", err)
	}
	defer zr.Close()
	return rd.readTar(name, zr)
}

// readGzip reads one gzip-compressed input named by its name without
// ".gz", or a tar archive when that is what it holds.
func (rd *reader) readGzip(name string, r io.Reader) error {
	if rd.depth >= maxArchiveDepth {
		return rd.refuse(name, 0, "", "archive nested too deep")
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return rd.refuse(name, 0, "", "unreadable gzip data: %v", err)
	}
	defer zr.Close()
	inner := strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	return rd.nested(inner, zr)
}

// readTar reads every member of a tar archive whose name rasid knows.
func (rd *reader) readTar(name string, r io.Reader) error {
	if rd.depth >= maxArchiveDepth {
		return rd.refuse(name, 0, "", "archive nested too deep")
	}
	tr := tar.NewReader(r)
	for {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return rd.refuse(name, 0, "", "unreadable tar archive: %v", err)
		}
		if h.Typeflag != tar.TypeReg || !Known(h.Name) || hidden(h.Name) {
			continue
		}
		mname := member(name, h.Name)
		if h.Size > rd.opts.maxInput() {
			if err := rd.refuse(mname, 0, "", "%v", errTooBig(rd.opts.maxInput())); err != nil {
				return err
			}
			continue
		}
		rd.sizeHint = h.Size
		if err := rd.nested(mname, tr); err != nil {
			return err
		}
	}
}

// hidden reports whether an archive member is a hidden or metadata file
// (".DS_Store", "__MACOSX/…").
func hidden(name string) bool {
	for _, part := range strings.Split(path.Clean(name), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." || part == "__MACOSX" {
			return true
		}
	}
	return false
}
