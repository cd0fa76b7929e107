using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Infrastructure.Logging;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>Configuration mistakes stop the portal with a message that names the fix.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public void Unknown_provider_names_the_valid_values()
    {
        var ex = Assert.Throws<StartupException>(() => new DatabaseOptions { Provider = "Oracle" }.Resolve(Path.GetTempPath()));
        Assert.Contains("'Sqlite'", ex.Message);
        Assert.Contains("'Postgres'", ex.Message);
    }

    [Fact]
    public void Postgres_without_connection_string_says_what_to_set()
    {
        var ex = Assert.Throws<StartupException>(() => new DatabaseOptions { Provider = "postgres" }.Resolve(Path.GetTempPath()));
        Assert.Contains("Database__ConnectionString", ex.Message);
    }

    [Fact]
    public void Sqlite_default_creates_the_data_folder_and_a_file_connection()
    {
        var root = Path.Combine(Path.GetTempPath(), "sc-startup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (provider, connection) = new DatabaseOptions().Resolve(root);
            Assert.Equal(DatabaseProvider.Sqlite, provider);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
            Assert.Equal($"Data Source={Path.Combine(root, "data", "socialcard.db")}", connection);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Missing_region_table_names_the_path_and_the_alternative()
    {
        var ex = Assert.Throws<StartupException>(() => new ValidationSettings { RegionTablePath = "nowhere/gb2260.csv" }.Build(Path.GetTempPath()));
        Assert.Contains("gb2260.csv", ex.Message);
        Assert.Contains("remove the setting", ex.Message);
    }

    [Fact]
    public void Missing_face_cascades_name_the_Debian_package()
    {
        using var services = FeatureServices.Build(("Photos:CascadeDirectory", "/nonexistent/haarcascades"));
        var ex = Assert.Throws<StartupException>(() => services.GetRequiredService<Core.Photos.PhotoInspector>());
        Assert.Contains("opencv-data", ex.Message);
        Assert.Contains("Photos:CascadeDirectory", ex.Message);
    }

    [Fact]
    public void Invalid_Serilog_level_names_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Serilog:MinimumLevel:Default", (string?)"Loud")]).Build();
        var ex = Assert.Throws<StartupException>(() => LoggingSetup.Configure(new Serilog.LoggerConfiguration(), configuration, Path.GetTempPath()));
        Assert.Contains("Loud", ex.Message);
        Assert.Contains("Serilog", ex.Message);
    }

    [Fact]
    public void Address_limit_out_of_range_is_refused()
    {
        var ex = Assert.Throws<StartupException>(() => new ValidationSettings { AddressMaxLength = 0 }.Build(Path.GetTempPath()));
        Assert.Contains("AddressMaxLength", ex.Message);
    }

    [Fact]
    public void Photos_RequiredFor_takes_a_comma_separated_list_or_items_and_refuses_an_unknown_type()
    {
        static SocialCard.Web.Photos.PhotoSettings Load(params (string Key, string Value)[] settings) => SocialCard.Web.Photos.PhotoSettings.Load(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

        var defaults = Load();
        Assert.True(defaults.PhotoRequired(Core.Units.UnitType.School));
        Assert.True(defaults.PhotoRequired(Core.Units.UnitType.Other));
        Assert.False(defaults.PhotoRequired(Core.Units.UnitType.Employer));
        Assert.False(defaults.PhotoRequired(Core.Units.UnitType.Kindergarten));

        var listed = Load(("Photos:RequiredFor", "employer, kindergarten"));
        Assert.True(listed.PhotoRequired(Core.Units.UnitType.Employer));
        Assert.False(listed.PhotoRequired(Core.Units.UnitType.School));
        Assert.False(listed.PhotoRequired(Core.Units.UnitType.Kindergarten)); // never

        var items = Load(("Photos:RequiredFor:0", "Employer"), ("Photos:RequiredFor:1", "School"));
        Assert.True(items.PhotoRequired(Core.Units.UnitType.Employer));
        Assert.False(items.PhotoRequired(Core.Units.UnitType.Other));
        Assert.False(Load(("Photos:RequiredFor", "")).PhotoRequired(Core.Units.UnitType.School));

        var ex = Assert.Throws<StartupException>(() => Load(("Photos:RequiredFor", "School,Universty")));
        Assert.Contains("Universty", ex.Message);
        Assert.Contains("Photos:RequiredFor", ex.Message);
    }
}
