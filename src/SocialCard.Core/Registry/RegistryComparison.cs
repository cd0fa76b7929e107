using SocialCard.Core.Persons;

namespace SocialCard.Core.Registry;

/// <summary>
/// The registry's answer for one submitted person: a result per item, and the registry's own value for a
/// mismatching item where <see cref="RegistryDisclosure"/> allows it (otherwise null). <see cref="Query"/> is the
/// submitted person, so a caller can pair answers with its records by reference or by <see cref="RegistryQuery.IdNumber"/>.
/// </summary>
public sealed record RegistryComparison(
    RegistryQuery Query,
    ItemResult IdNumberResult,
    ItemResult NameResult,
    ItemResult SexResult,
    ItemResult EthnicityResult,
    ItemResult BirthDateResult,
    ItemResult PhotoResult)
{
    public string? RegistryName { get; init; }

    public Sex? RegistrySex { get; init; }

    /// <summary>The registry's GB 3304 code ("01" …); see <see cref="Ethnicities"/> for the name.</summary>
    public string? RegistryEthnicityCode { get; init; }

    public DateOnly? RegistryBirthDate { get; init; }

    /// <summary>The registry knows the ID number.</summary>
    public bool Found => IdNumberResult != ItemResult.NotFound;

    /// <summary>The registry holds a photo (fetch it with <see cref="IIdentityRegistry.GetPhotoAsync"/>).</summary>
    public bool HasPhoto => PhotoResult == ItemResult.Match;

    /// <summary>Every item matches: the person gets an application form with the registry photo (docs/DOMAIN.md §3 step 4).</summary>
    public bool AllMatch => Items.All(i => this[i] == ItemResult.Match);

    /// <summary>The six items in form order.</summary>
    public static IReadOnlyList<RegistryItem> Items { get; } = Enum.GetValues<RegistryItem>();

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

    /// <summary>The answer for an ID number the registry does not know: every item <see cref="ItemResult.NotFound"/>.</summary>
    public static RegistryComparison NotFound(RegistryQuery query) =>
        new(query, ItemResult.NotFound, ItemResult.NotFound, ItemResult.NotFound, ItemResult.NotFound, ItemResult.NotFound, ItemResult.NotFound);
}
