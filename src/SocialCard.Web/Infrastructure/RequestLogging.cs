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
                context.Request.QueryString.Value,
                context.Response.StatusCode,
                elapsed,
                context.User.Identity?.Name ?? "-");
        }
    }
}
