using System.Diagnostics;

namespace SocialCard.Web.Infrastructure;

/// <summary>One structured line per request: method, path, status, elapsed time and user.</summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(
                level,
                "HTTP {Method:l} {Path:l}{Query:l} responded {StatusCode} in {Elapsed:0.0} ms for {User:l}",
                context.Request.Method,
                context.Request.Path.Value,
                LoggedQuery(context.Request.Query),
                context.Response.StatusCode,
                elapsed,
                context.User.Identity?.Name ?? "-");
        }
    }

    /// <summary>
    /// Query parameters that carry what a clerk typed to find a person (a name, a number split by spaces, URL-encoded so
    /// the log redactor cannot see it) are logged without their value.
    /// </summary>
    private static readonly HashSet<string> TypedSearches = new(StringComparer.OrdinalIgnoreCase) { "q", "returnUrl" };

    internal static string LoggedQuery(IQueryCollection query) =>
        query.Count == 0 ? "" : "?" + string.Join("&", query.Select(p => p.Key + "=" + (TypedSearches.Contains(p.Key) ? "***" : p.Value.ToString())));
}
