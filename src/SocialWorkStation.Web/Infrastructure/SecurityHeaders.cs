using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// ReverseProxy: the TLS proxy in front of the platform (docs/operations.md). Only the proxies listed here are
/// believed when they say, in X-Forwarded-For and X-Forwarded-Proto, who the client is and that it came over
/// HTTPS; a header from anyone else is ignored.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";
    /// <summary>Addresses of the proxies, e.g. ["10.0.0.2"].</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks of the proxies in CIDR form, e.g. ["10.0.0.0/24"].</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// The response headers of docs/security.md "Headers": a strict content security policy (every script is a
/// local file; no inline script, no eval), no framing, no sniffing, no referrer, no device features but
/// location (the visit form records where a visit happened), HSTS over HTTPS, and no caching of anything
/// but static files: pages and API answers may carry revealed personal data.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Swagger UI) writes its own inline styles; it shows no personal data.</summary>
    public const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string Permissions = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()";

    public static void AddForwardedHeaders(IServiceCollection services, IConfiguration config)
    {
        var proxy = config.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback (a proxy on the same machine) stays trusted, as by default; others only when listed.
            foreach (var p in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(p));
            }
            foreach (var n in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
    }

    /// <summary>Adds the headers to every response (the static files keep their own Cache-Control).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            var apiDocs = http.Request.Path.StartsWithSegments("/api-docs");
            if (string.IsNullOrEmpty(h.ContentSecurityPolicy))
            {
                h.ContentSecurityPolicy = apiDocs ? ApiDocsPolicy : Policy;
            }
            h.XFrameOptions = "DENY";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = Permissions;
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(h.CacheControl))
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next();
    });
}
