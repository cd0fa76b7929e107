using SocialCard.Core.Persons;
using SocialCard.Core.Registry;

namespace SocialCard.Core.Review;

/// <summary>
/// The stored registry answer for one person of a declared batch (one row per person). Stored as soon as the
/// registry answers, so an outage part-way through a batch loses nothing: persons without a row are still pending.
/// Rows are removed when the batch goes back to the unit (withdrawn or returned), because the data may change.
/// </summary>
public sealed class PersonComparison
{
    private PersonComparison()
    {
    }

    public PersonComparison(int personId, int batchId, RegistryComparison answer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(answer);
        PersonId = personId;
        BatchId = batchId;
        ComparedAt = at;
        IdNumberResult = answer.IdNumberResult;
        NameResult = answer.NameResult;
        SexResult = answer.SexResult;
        EthnicityResult = answer.EthnicityResult;
        BirthDateResult = answer.BirthDateResult;
        PhotoResult = answer.PhotoResult;
        RegistryName = answer.RegistryName;
        RegistrySex = answer.RegistrySex;
        RegistryEthnicityCode = answer.RegistryEthnicityCode;
        RegistryBirthDate = answer.RegistryBirthDate;
        Outcome = !answer.Found ? ComparisonOutcome.NotFound : answer.AllMatch ? ComparisonOutcome.Matched : ComparisonOutcome.Mismatched;
    }

    public int PersonId { get; private set; }

    public int BatchId { get; private set; }

    public DateTimeOffset ComparedAt { get; private set; }

    public ComparisonOutcome Outcome { get; private set; }

    public ItemResult IdNumberResult { get; private set; }

    public ItemResult NameResult { get; private set; }

    public ItemResult SexResult { get; private set; }

    public ItemResult EthnicityResult { get; private set; }

    public ItemResult BirthDateResult { get; private set; }

    public ItemResult PhotoResult { get; private set; }

    /// <summary>The registry's values for mismatching items, where disclosure allows (null otherwise).</summary>
    public string? RegistryName { get; private set; }

    public Sex? RegistrySex { get; private set; }

    public string? RegistryEthnicityCode { get; private set; }

    public DateOnly? RegistryBirthDate { get; private set; }

    /// <summary>The registry holds the person's ID photo.</summary>
    public bool RegistryHasPhoto => PhotoResult == ItemResult.Match;

    public ItemResult this[RegistryItem item] => item switch
    {
        RegistryItem.IdNumber => IdNumberResult,
        RegistryItem.Name => NameResult,
        RegistryItem.Sex => SexResult,
        RegistryItem.Ethnicity => EthnicityResult,
        RegistryItem.BirthDate => BirthDateResult,
        RegistryItem.Photo => PhotoResult,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>The items that did not match, in form order.</summary>
    public IEnumerable<RegistryItem> Differences => RegistryComparison.Items.Where(i => this[i] != ItemResult.Match);

    public static string ItemName(RegistryItem item) => item switch
    {
        RegistryItem.IdNumber => "身份证号码",
        RegistryItem.Name => "姓名",
        RegistryItem.Sex => "性别",
        RegistryItem.Ethnicity => "民族",
        RegistryItem.BirthDate => "出生日期",
        RegistryItem.Photo => "相片",
        _ => item.ToString(),
    };
}
