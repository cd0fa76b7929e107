using System.Text.Encodings.Web;
using System.Text.Json;
using SocialCard.Core.Auditing;
using SocialCard.Core.Privacy;
using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// Adds audit entries to the current unit of work, so an action and its audit record are saved together.
/// ID numbers in the recorded values are masked.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Records an action that changes nothing else (a download, a print, a lookup) and saves it at once. Inside a
    /// write, use <see cref="Record(string, string, string, object, int?, object?)"/>, so the record commits with the change.
    /// </summary>
    public async Task RecordNowAsync(string actor, string action, string entityType, object entityId, int? unitId, object? changes, CancellationToken ct)
    {
        Record(actor, action, entityType, entityId, unitId, changes);
        await db.SaveChangesAsync(ct);
    }

    public void Record(string actor, string action, string entityType, object entityId, int? unitId, object? changes = null)
    {
        var text = changes is null ? null : IdNumberRedactor.Redact(JsonSerializer.Serialize(changes, Json));
        if (text is { Length: > 4000 })
        {
            text = text[..3990] + "…";
        }

        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), actor, action, entityType, Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "", unitId, text));
    }
}
