using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Unit.Pages.Persons;

/// <summary>
/// 查找人员: the unit's persons in all its batches and its register, by name or by ID number (the full number or
/// its last digits). Searched in SQL on the unit's own rows only, at most <see cref="MaxHits"/> of each; ID numbers
/// are listed masked whatever the clerk typed.
/// </summary>
public sealed class SearchModel(AppDbContext db) : PageModel
{
    public const int MaxHits = 200;

    /// <summary>Fewer digits than this would match a large part of any unit.</summary>
    public const int MinDigits = 4;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public string? Problem { get; private set; }

    public bool Searched { get; private set; }

    public bool ByIdNumber { get; private set; }

    public IReadOnlyList<PersonHit> Persons { get; private set; } = [];

    /// <summary>Register entries no batch of the unit holds yet (尚未录入任何批次).</summary>
    public IReadOnlyList<RegisterHit> RegisterOnly { get; private set; } = [];

    /// <summary>True when more than <see cref="MaxHits"/> persons or register entries matched.</summary>
    public bool Capped { get; private set; }

    /// <summary>This page with the current query, for the edit page's return address.</summary>
    public string SelfUrl => "/Unit/Persons/Search?q=" + Uri.EscapeDataString(Query?.Trim() ?? "");

    /// <summary>What was typed, read as ID digits (upper-case X) or as a name; a problem the clerk can fix.</summary>
    public static (string? Digits, string? Name, string? Problem) Parse(string? query)
    {
        var text = query?.Trim() ?? "";
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length == 0)
        {
            return (null, null, null);
        }

        var body = compact.EndsWith('X') ? compact[..^1] : compact;
        if (body.All(char.IsAsciiDigit) && body.Length > 0)
        {
            return compact.Length < MinDigits ? (null, null, $"请至少输入身份证号码的后 {MinDigits} 位，或输入姓名。")
                : compact.Length > 18 ? (null, null, "身份证号码最多 18 位，请核对后重新输入。")
                : (compact, null, null);
        }

        return text.Length > InsuredPerson.NameMaxLength
            ? (null, null, $"姓名最多 {InsuredPerson.NameMaxLength} 个字，请核对后重新输入。")
            : (null, text, null);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (digits, name, problem) = Parse(Query);
        Problem = problem;
        if (digits is null && name is null)
        {
            return;
        }

        Searched = true;
        ByIdNumber = digits is not null;
        var unitId = User.RequireUnitId();
        var persons = db.PersonsOf(User);
        var register = db.Register.AsNoTracking().Where(r => r.UnitId == unitId);
        if (digits is not null)
        {
            // A full number is one indexed lookup; the last digits an EndsWith (LIKE '%…') on the unit's rows.
            persons = digits.Length == 18 ? persons.Where(p => p.IdNumber == digits) : persons.Where(p => p.IdNumber.EndsWith(digits));
            register = digits.Length == 18 ? register.Where(r => r.IdNumber == digits) : register.Where(r => r.IdNumber.EndsWith(digits));
        }
        else
        {
            var pattern = "%" + EscapeLike(name!) + "%";
            persons = persons.Where(p => EF.Functions.Like(p.Name, pattern, LikeEscape));
            register = register.Where(r => EF.Functions.Like(r.Name, pattern, LikeEscape));
        }

        var hits = await HitsAsync(persons, ct);
        var entries = await register.OrderBy(r => r.Name).ThenBy(r => r.PersonalNumber).Take(MaxHits + 1)
            .Select(r => new RegisterHit(r.PersonalNumber, r.Category, r.Name, CitizenId.Mask(r.IdNumber), r.IdNumber))
            .ToListAsync(ct);
        Capped = hits.Count > MaxHits || entries.Count > MaxHits;
        hits = hits.Take(MaxHits).ToList();
        entries = entries.Take(MaxHits).ToList();

        // A register entry already in a batch is shown as that batch's person (found by its ID number or 个人编号,
        // so a person whose name was corrected is still found under the registered name).
        var ids = entries.Select(e => e.IdNumber).ToList();
        var numbers = entries.Select(e => e.PersonalNumber).ToList();
        var shown = hits.Select(h => h.Id).ToList();
        var held = await db.PersonsOf(User)
            .Where(p => ids.Contains(p.IdNumber) || (p.PersonalNumber != null && numbers.Contains(p.PersonalNumber)))
            .Select(p => new { p.Id, p.IdNumber, p.PersonalNumber })
            .ToListAsync(ct);
        var extra = held.Select(p => p.Id).Except(shown).Take(Math.Max(0, MaxHits - hits.Count)).ToList();
        if (extra.Count > 0)
        {
            hits = [.. hits, .. await HitsAsync(db.PersonsOf(User).Where(p => extra.Contains(p.Id)), ct)];
        }

        Persons = hits;
        RegisterOnly = entries
            .Where(e => !held.Any(p => p.IdNumber == e.IdNumber || p.PersonalNumber == e.PersonalNumber))
            .ToList();
    }

    private async Task<List<PersonHit>> HitsAsync(IQueryable<InsuredPerson> persons, CancellationToken ct)
    {
        var rows = await persons
            .Join(db.Batches, p => p.BatchId, b => b.Id, (p, b) => new { Person = p, b.Title, b.Status })
            .OrderBy(x => x.Person.Name).ThenByDescending(x => x.Person.BatchId).ThenBy(x => x.Person.Id)
            .Take(MaxHits + 1)
            .Select(x => new { x.Person.Id, x.Person.BatchId, x.Title, x.Status, x.Person.Name, x.Person.IdNumber, x.Person.ErrorCount, x.Person.WarningCount, x.Person.Findings })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.Select(r => new PersonHit(
                r.Id,
                r.BatchId,
                r.Title,
                r.Status,
                r.Name,
                CitizenId.Mask(r.IdNumber),
                r.ErrorCount,
                r.WarningCount,
                r.Findings.Where(f => f.Severity is Severity.Error or Severity.Warning)
                    .OrderBy(f => f.Severity == Severity.Error ? 0 : 1)
                    .Take(FirstMessages)
                    .ToList()))
            .ToList();
    }

    /// <summary>How many messages each hit shows (errors first); the edit page shows all.</summary>
    public const int FirstMessages = 2;

    private const string LikeEscape = "\\";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public sealed record PersonHit(
        int Id, int BatchId, string BatchTitle, BatchStatus BatchStatus, string Name, string MaskedIdNumber, int ErrorCount, int WarningCount, IReadOnlyList<Finding> FirstFindings)
    {
        public bool Editable => BatchStatus is BatchStatus.Draft or BatchStatus.Returned;
    }

    /// <summary>A register entry; <see cref="IdNumber"/> is for matching only, the page shows <see cref="MaskedIdNumber"/>.</summary>
    public sealed record RegisterHit(string PersonalNumber, string? Category, string Name, string MaskedIdNumber, string IdNumber);
}
