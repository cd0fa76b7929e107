namespace SocialCard.Core.Common;

/// <summary>One item of a bulk write: its id and, when it was refused, why.</summary>
public sealed record BulkItem(int Id, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The outcome of a write over several items (hall marks, on-site scheduling): the request as a whole (refused, e.g.
/// by the batch's status, or ok) and each item's outcome. The writes of this portal are all or nothing: when any item
/// is refused, none was changed, and <see cref="Items"/> says which were refused and why.
/// </summary>
public sealed record BulkResult(Result Result, IReadOnlyList<BulkItem> Items)
{
    public bool Succeeded => Result.Succeeded && Items.All(i => i.Succeeded);

    public int Count => Items.Count;

    public IEnumerable<BulkItem> Refused => Items.Where(i => !i.Succeeded);

    public static BulkResult Of(IReadOnlyList<BulkItem> items) => new(Result.Ok(), items);

    public static BulkResult Fail(Result refusal) => new(refusal, []);

    /// <summary>
    /// One message for the whole request: the request's refusal, or the first refused items' reasons (at most
    /// <paramref name="shown"/>) followed by <paramref name="nothingChanged"/>.
    /// </summary>
    public string? Message(string nothingChanged, int shown = 10)
    {
        if (!Result.Succeeded)
        {
            return Result.Error;
        }

        var refused = Refused.Select(i => i.Error!).Distinct(StringComparer.Ordinal).ToList();
        return refused.Count == 0
            ? null
            : string.Join(" ", refused.Take(shown)) + (refused.Count > shown ? $" 等 {Refused.Count()} 人。" : "") + " " + nothingChanged;
    }
}
