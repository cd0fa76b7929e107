namespace SocialCard.Core.Auditing;

/// <summary>
/// Who did what to which entity, and when. <see cref="Changes"/> is a short JSON object of
/// changed values in which every ID number is already masked.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, string actor, string action, string entityType, string entityId, int? unitId, string? changes)
    {
        At = at;
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        UnitId = unitId;
        Changes = changes;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public int? UnitId { get; private set; }

    public string? Changes { get; private set; }
}
