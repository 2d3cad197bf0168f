// Package fetch downloads news pages and feeds over HTTP with the bounds a
// crawler owes to others and to itself: time limits, a bounded body, a
// bounded number of redirects, an honest User-Agent, and refusal of
// loopback, private, link-local and other non-public addresses.
//
// The address guard runs when a connection is dialled, on the address
// actually dialled, so that redirects and DNS names that resolve to
// private addresses are refused as well. A Fetcher is safe for concurrent
// use.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Defaults of Options.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 16 << 20
	DefaultMaxRedirects = 5
)

// Options configure a Fetcher. Zero fields take the defaults.
type Options struct {
	// UserAgent is sent with every request, e.g.
	// "rasid/0.1.0 (+https://github.com/rasid-news/rasid)".
	UserAgent string
	// Timeout bounds a whole fetch: connecting, redirects and the body.
	Timeout time.Duration
	// MaxBytes bounds a response body.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed.
	MaxRedirects int
	// AllowPrivate admits loopback, private and link-local addresses
	// (for tests against a local server, or an intranet).
	AllowPrivate bool
}

// Fetcher downloads documents over HTTP(S).
type Fetcher struct {
	opts   Options
	client *http.Client
}

// ErrForbiddenAddress is returned (wrapped) when a URL leads to an address
// that is not public and Options.AllowPrivate is false.
var ErrForbiddenAddress = errors.New("address is not public")

// ErrTooLarge is returned (wrapped) when a body is over Options.MaxBytes.
var ErrTooLarge = errors.New("body over the size limit")

// New returns a Fetcher with the given options.
func New(opts Options) *Fetcher {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "rasid (+https://github.com/rasid-news/rasid)"
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = guard
	}
	tr := &http.Transport{
		// No proxy: the guard must see the address really dialled.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConns:          16,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	max := opts.MaxRedirects
	client := &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("more than %d redirects", max)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
	return &Fetcher{opts: opts, client: client}
}

// guard refuses to connect to an address that is not public. It runs at
// dial time on the resolved address.
func guard(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, host)
	}
	if !Public(ip) {
		return fmt.Errorf("%w: %s", ErrForbiddenAddress, ip)
	}
	return nil
}

// Public reports whether ip is a public unicast address: not loopback,
// private (RFC 1918, fc00::/7), link-local, multicast, unspecified, shared
// (100.64.0.0/10) or otherwise reserved.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range reserved {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// reserved lists further prefixes that are not public destinations.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// Error is a failed fetch: the URL and what went wrong. It wraps the
// client's error (errors.Is(err, ErrForbiddenAddress) holds for refused
// addresses).
type Error struct {
	URL string
	Msg string
	Err error
}

// Error names the URL and what went wrong.
func (e *Error) Error() string { return e.URL + ": " + e.Msg }

// Unwrap returns the client's error.
func (e *Error) Unwrap() error { return e.Err }

// Response is a fetched document.
type Response struct {
	// URL is the final URL, after redirects.
	URL         string
	ContentType string
	Body        []byte
}

// Get fetches rawURL. Errors are *Error: they name the URL and say what
// went wrong (Msg, without the URL): a status that is not 2xx, a timeout,
// a refused address, a body over the limit.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Response{}, &Error{URL: rawURL, Msg: "not an http(s) URL", Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, &Error{URL: rawURL, Msg: err.Error(), Err: err}
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return Response{}, &Error{URL: rawURL, Msg: describe(err), Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return Response{}, &Error{URL: rawURL, Msg: "HTTP status " + resp.Status}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return Response{}, &Error{URL: rawURL, Msg: fmt.Sprintf("%v (%d > %d bytes)", ErrTooLarge, resp.ContentLength, f.opts.MaxBytes), Err: ErrTooLarge}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return Response{}, &Error{URL: rawURL, Msg: "reading body: " + describe(err), Err: err}
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return Response{}, &Error{URL: rawURL, Msg: fmt.Sprintf("%v (%d bytes)", ErrTooLarge, f.opts.MaxBytes), Err: ErrTooLarge}
	}
	return Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

// describe shortens a client error to its cause.
func describe(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, ErrForbiddenAddress):
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "refused: " + innermost(err) + " (--allow-private admits it)"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// innermost returns the message of the forbidden-address error in err.
func innermost(err error) string {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.HasPrefix(e.Error(), ErrForbiddenAddress.Error()) {
			return e.Error()
		}
	}
	return err.Error()
}
