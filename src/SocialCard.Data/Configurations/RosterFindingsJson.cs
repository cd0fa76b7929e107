using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Data.Configurations;

/// <summary>
/// An upload's findings as one JSON text column (<c>roster_uploads.FindingsJson</c>): per finding its row, column
/// name and the clerk's value, and the finding itself in the one format every findings column uses (as a person's
/// and a photo's findings: code, severity, field, message, suggested value). Rows written by earlier versions, with
/// the finding's parts spread flat beside the row, are read as well and written in the current shape when saved again.
/// </summary>
internal static class RosterFindingsJson
{
    public static readonly ValueConverter<IReadOnlyList<RosterFinding>, string> Converter =
        JsonColumn.ListOf<RosterFinding, StoredFinding>(StoredFinding.From, StoredFinding.ToFinding);

    public static readonly ValueComparer<IReadOnlyList<RosterFinding>> Comparer = JsonColumn.ListComparer<RosterFinding>();

    /// <summary>The stored shape of a finding (stable JSON names; the column is kept by name, not by number).</summary>
    internal sealed record StoredFinding(
        int Row,
        string? Column,
        string? Value,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Finding? Finding,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Severity? Severity = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suggested = null)
    {
        public static StoredFinding From(RosterFinding f) => new(f.Row, f.Column?.ToString(), f.Value, f.Finding);

        public static RosterFinding ToFinding(StoredFinding s) => new(
            s.Row,
            Enum.TryParse<RosterColumn>(s.Column, out var c) ? c : null,
            s.Finding ?? new Finding(s.Code ?? "", s.Severity ?? Core.Validation.Severity.Error, s.Field ?? "", s.Message ?? "", s.Suggested),
            s.Value);
    }
}
