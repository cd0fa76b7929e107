namespace SocialCard.Core.Persons;

/// <summary>Per-deployment settings of <see cref="PersonValidator"/>.</summary>
public sealed class PersonValidationOptions
{
    /// <summary>Maximum length of the residential address in characters, the deployment's setting (Weifang: 24). Must be positive.</summary>
    public required int AddressMaxLength { get; init; }

    /// <summary>GB/T 2260 table for ID_UNKNOWN_REGION; by default the built-in one (1980–2020, abolished codes included).</summary>
    public IRegionTable Regions { get; init; } = Gb2260RegionTable.BuiltIn;

    /// <summary>The date birth dates must not exceed; null means today in China. Set it in tests.</summary>
    public DateOnly? Today { get; init; }
}
