using SocialCard.Core.Persons;

namespace SocialCard.Web.Infrastructure;

/// <summary>The "Validation" configuration section.</summary>
public sealed class ValidationSettings
{
    public const string Section = "Validation";

    /// <summary>Longest residential address accepted, in characters (Weifang: 24).</summary>
    public int AddressMaxLength { get; set; } = 24;

    /// <summary>
    /// Optional GB/T 2260 CSV (year,code,name) whose codes are added to the built-in 1980–2020 table, e.g. codes
    /// created after 2020. Without it the built-in table alone checks the six-digit region code.
    /// </summary>
    public string? RegionTablePath { get; set; }

    /// <summary>Refuses values the portal cannot work with, naming the key.</summary>
    public void Check()
    {
        if (AddressMaxLength is < 1 or > 200)
        {
            throw new StartupException($"Validation:AddressMaxLength is {AddressMaxLength}; set a number of characters between 1 and 200 (default 24).");
        }
    }

    public PersonValidationOptions Build(string contentRoot)
    {
        Check();

        var regions = Gb2260RegionTable.BuiltIn;
        if (!string.IsNullOrWhiteSpace(RegionTablePath))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, RegionTablePath));
            if (!File.Exists(path))
            {
                throw new StartupException(
                    $"Validation:RegionTablePath points to '{path}', which does not exist. Give the path of a GB/T 2260 CSV " +
                    "(year,code,name) to add to the built-in region codes, or remove the setting to use the built-in codes alone.");
            }

            regions = regions.Including(Gb2260RegionTable.Load(path));
        }

        return new PersonValidationOptions { AddressMaxLength = AddressMaxLength, Regions = regions };
    }
}
