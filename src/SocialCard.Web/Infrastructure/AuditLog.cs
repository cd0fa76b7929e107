using System.Security.Claims;
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

    public void Record(ClaimsPrincipal actor, string action, string entityType, object entityId, int? unitId, object? changes = null) =>
        Record(actor.ActorName(), action, entityType, entityId, unitId, changes);

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
