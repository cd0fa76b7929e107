namespace SocialCard.Core.Batches;

/// <summary>One step in a batch's history: who moved it from which status to which, when and why.</summary>
public sealed class BatchTransition
{
    private BatchTransition()
    {
    }

    internal BatchTransition(BatchAction action, BatchStatus? from, BatchStatus to, string actor, DateTimeOffset at, string? reason)
    {
        Action = action;
        From = from;
        To = to;
        Actor = actor;
        At = at;
        Reason = reason;
    }

    public long Id { get; private set; }

    public int BatchId { get; private set; }

    public BatchAction Action { get; private set; }

    public BatchStatus? From { get; private set; }

    public BatchStatus To { get; private set; }

    public string Actor { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Reason { get; private set; }
}
