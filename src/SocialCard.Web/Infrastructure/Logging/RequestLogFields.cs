using Serilog;

namespace SocialCard.Web.Infrastructure.Logging;

/// <summary>
/// What the request event (Serilog's <c>UseSerilogRequestLogging</c>) carries besides its own RequestMethod,
/// RequestPath (without the query), StatusCode and Elapsed: the query string with typed searches hidden, and the user.
/// ID numbers in the path or the query are masked like everywhere else, by <see cref="RedactingFormatter"/>.
/// </summary>
public static class RequestLogFields
{
    public const string MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l}{Query:l} responded {StatusCode} in {Elapsed:0.0} ms for {User:l}";

    public static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        diagnostics.Set("Query", LoggedQuery(context.Request.Query));
        diagnostics.Set("User", context.User.Identity?.Name ?? "-");
    }

    /// <summary>
    /// Query parameters that carry what a clerk typed to find a person (a name, a number split by spaces, URL-encoded so
    /// the log redactor cannot see it) are logged without their value.
    /// </summary>
    private static readonly HashSet<string> TypedSearches = new(StringComparer.OrdinalIgnoreCase) { "q", "returnUrl" };

    internal static string LoggedQuery(IQueryCollection query) =>
        query.Count == 0 ? "" : "?" + string.Join("&", query.Select(p => p.Key + "=" + (TypedSearches.Contains(p.Key) ? "***" : p.Value.ToString())));
}
