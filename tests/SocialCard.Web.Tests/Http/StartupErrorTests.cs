using SocialCard.Data;
using SocialCard.Web.Infrastructure;

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
        var ex = Assert.Throws<StartupException>(() => new SocialCard.Web.Photos.PhotoSettings { CascadeDirectory = "/nonexistent/haarcascades" }.BuildInspector());
        Assert.Contains("opencv-data", ex.Message);
        Assert.Contains("Photos:CascadeDirectory", ex.Message);
    }

    [Fact]
    public void Address_limit_out_of_range_is_refused()
    {
        var ex = Assert.Throws<StartupException>(() => new ValidationSettings { AddressMaxLength = 0 }.Build(Path.GetTempPath()));
        Assert.Contains("AddressMaxLength", ex.Message);
    }
}
