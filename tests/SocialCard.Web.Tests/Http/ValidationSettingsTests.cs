using SocialCard.Core.Persons;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>Validation:RegionTablePath adds a deployment's codes to the built-in GB/T 2260 table; without it the built-in table alone is used.</summary>
public sealed class ValidationSettingsTests
{
    [Fact]
    public void Without_a_region_table_path_the_built_in_codes_check_six_digits()
    {
        var regions = new ValidationSettings().Build(Path.GetTempPath()).Regions;

        Assert.Same(Gb2260RegionTable.BuiltIn, regions);
        Assert.True(regions.Contains("110101"));
        Assert.True(regions.Contains("110103")); // 崇文区, abolished in 2010
        Assert.False(regions.Contains("110199"));
    }

    [Fact]
    public void A_region_table_csv_adds_its_codes_to_the_built_in_ones()
    {
        var root = Path.Combine(Path.GetTempPath(), "sc-regions-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllLines(Path.Combine(root, "newer.csv"), ["year,code,name", "2021,110199,试验区"]);

            var regions = new ValidationSettings { RegionTablePath = "newer.csv" }.Build(root).Regions;

            Assert.True(regions.Contains("110199"));
            Assert.True(regions.Contains("110101"));
            Assert.True(regions.Contains("110103"));
            Assert.False(regions.Contains("110198"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
