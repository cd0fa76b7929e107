using Serilog.Events;
using Serilog.Formatting;
using SocialCard.Core.Privacy;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// Wraps a formatter and masks every ID number in the finished output, so that no message,
/// property, exception text or request path can write one unmasked, whatever logged it.
/// </summary>
public sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter();
        inner.Format(logEvent, buffer);
        output.Write(IdNumberRedactor.Redact(buffer.ToString()));
    }
}
