using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Data.Configurations;

/// <summary>
/// An upload's findings as one JSON text column (<c>roster_uploads.FindingsJson</c>), in the stored shape the column
/// has always had: row, column name, code, severity, field, message, suggested value, the clerk's value.
/// </summary>
internal static class RosterFindingsJson
{
    public static readonly ValueConverter<IReadOnlyList<RosterFinding>, string> Converter =
        JsonColumn.ListOf<RosterFinding, StoredFinding>(StoredFinding.From, StoredFinding.ToFinding);

    public static readonly ValueComparer<IReadOnlyList<RosterFinding>> Comparer = JsonColumn.ListComparer<RosterFinding>();

    /// <summary>The stored shape of a finding (stable JSON names; the column is kept by name, not by number).</summary>
    internal sealed record StoredFinding(int Row, string? Column, string Code, Severity Severity, string Field, string Message, string? Suggested, string? Value)
    {
        public static StoredFinding From(RosterFinding f) =>
            new(f.Row, f.Column?.ToString(), f.Finding.Code, f.Finding.Severity, f.Finding.Field, f.Finding.Message, f.Finding.SuggestedValue, f.Value);

        public static RosterFinding ToFinding(StoredFinding s) =>
            new(s.Row, Enum.TryParse<RosterColumn>(s.Column, out var c) ? c : null, new Finding(s.Code, s.Severity, s.Field, s.Message, s.Suggested), s.Value);
    }
}
