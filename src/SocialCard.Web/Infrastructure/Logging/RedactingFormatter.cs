using Serilog.Events;
using Serilog.Formatting;
using SocialCard.Core.Privacy;

namespace SocialCard.Web.Infrastructure.Logging;

/// <summary>
/// Wraps a formatter and masks every ID number in the finished output, so that no message,
/// property, exception text or request path can write one unmasked, whatever logged it. Before that,
/// the names in logged file names (the <c>{File}</c> and <c>{FileName}</c> properties, e.g. a photo
/// <c>&lt;ID&gt;-欧阳娜娜.jpg</c>) are masked to their first character (<see cref="NameRedactor.MaskFileName"/>),
/// in the properties and so in the rendered message.
/// </summary>
public sealed class RedactingFormatter(ITextFormatter inner) : ITextFormatter
{
    /// <summary>The properties that hold a file name wherever the portal logs one.</summary>
    public static readonly IReadOnlySet<string> FileNameProperties = new HashSet<string>(StringComparer.Ordinal) { "File", "FileName" };

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter();
        inner.Format(WithMaskedFileNames(logEvent), buffer);
        output.Write(IdNumberRedactor.Redact(buffer.ToString()));
    }

    private static LogEvent WithMaskedFileNames(LogEvent logEvent)
    {
        if (!logEvent.Properties.Any(p => FileNameProperties.Contains(p.Key) && p.Value is ScalarValue { Value: string }))
        {
            return logEvent;
        }

        var properties = logEvent.Properties.Select(p => FileNameProperties.Contains(p.Key) && p.Value is ScalarValue { Value: string name }
            ? new LogEventProperty(p.Key, new ScalarValue(NameRedactor.MaskFileName(name)))
            : new LogEventProperty(p.Key, p.Value));
        return new LogEvent(logEvent.Timestamp, logEvent.Level, logEvent.Exception, logEvent.MessageTemplate, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }
}
