using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Rosters;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>The per-feature registrations: typed settings from configuration, checked at start, heavy parts built once.</summary>
public sealed class ServiceSetupTests
{
    [Fact]
    public void Codec_face_finder_inspector_and_fixer_are_built_once_and_shared()
    {
        using var services = FeatureServices.Build();

        var inspector = services.GetRequiredService<PhotoInspector>();
        var fixer = services.GetRequiredService<PhotoFixer>();

        Assert.Same(inspector, fixer.Inspector);
        Assert.Same(inspector, services.GetRequiredService<PhotoInspector>());
        Assert.Same(fixer, services.GetRequiredService<PhotoFixer>());
        Assert.Same(services.GetRequiredService<IJpegCodec>(), services.GetRequiredService<IJpegCodec>());
        Assert.Same(services.GetRequiredService<FaceGeometry>(), services.GetRequiredService<FaceGeometry>());
        Assert.Same(services.GetRequiredService<IFaceLandmarker>(), services.GetRequiredService<IFaceLandmarker>());
        using var scope1 = services.CreateScope();
        using var scope2 = services.CreateScope();
        Assert.NotSame(scope1.ServiceProvider.GetRequiredService<PhotoService>(), scope2.ServiceProvider.GetRequiredService<PhotoService>());
    }

    [Fact]
    public void Settings_come_from_their_sections_as_typed_values()
    {
        using var services = FeatureServices.Build(
            ("Validation:AddressMaxLength", "30"),
            ("Rosters:MaxRows", "500"),
            ("Photos:MinKilobytes", "10"),
            ("Photos:MaxKilobytes", "120"),
            ("Photos:RequiredFor:0", "Employer"),
            ("Exports:Directory", "elsewhere/exports"));

        Assert.Equal(30, services.GetRequiredService<PersonValidationOptions>().AddressMaxLength);
        Assert.Equal(500, services.GetRequiredService<RosterSettings>().Limits.MaxRows);
        var spec = services.GetRequiredService<PhotoInspector>().Spec;
        Assert.Equal((10 * 1024, 120 * 1024), (spec.MinBytes, spec.MaxBytes));
        Assert.True(services.GetRequiredService<PhotoSettings>().PhotoRequired(Core.Units.UnitType.Employer));
        Assert.False(services.GetRequiredService<PhotoSettings>().PhotoRequired(Core.Units.UnitType.School));
        Assert.Equal("elsewhere/exports", services.GetRequiredService<SocialCard.Web.Exports.ExportSettings>().Directory);
    }

    [Theory]
    [InlineData("Validation:AddressMaxLength", "0", "Validation:AddressMaxLength")]
    [InlineData("Rosters:MaxRows", "0", "Rosters:MaxRows")]
    [InlineData("Rosters:MaxConcurrentImports", "0", "Rosters:MaxConcurrentImports")]
    [InlineData("Registry:MaxAttempts", "0", "Registry:MaxAttempts")]
    [InlineData("Photos:MaxKilobytes", "5", "Photos:MaxKilobytes")]
    [InlineData("Photos:MaxFileMegabytes", "0", "MaxFileMegabytes")]
    [InlineData("Photos:RequiredFor", "Factory", "Photos:RequiredFor")]
    [InlineData("Rosters:Categories:0", " ", "Rosters:Categories")]
    [InlineData("Exports:Directory", " ", "Exports:Directory")]
    [InlineData("DataProtection:KeysDirectory", " ", "DataProtection:KeysDirectory")]
    public void A_wrong_setting_stops_the_start_naming_its_key(string key, string value, string named)
    {
        using var services = FeatureServices.Build((key, value));

        var ex = Assert.Throws<StartupException>(services.CheckSettings);

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_settings_pass_the_start_up_checks()
    {
        using var services = FeatureServices.Build();

        services.CheckSettings();

        Assert.Equal(24, services.GetRequiredService<PersonValidationOptions>().AddressMaxLength);
    }

    [Fact]
    public async Task The_portal_process_refuses_a_wrong_setting_in_one_line_before_touching_the_data()
    {
        var work = Directory.CreateTempSubdirectory("socialcard-startup-");
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SocialCard.Web.dll"), "--urls", "http://127.0.0.1:0" },
                WorkingDirectory = work.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment =
                {
                    ["Rosters__MaxRows"] = "0",
                    ["Seed__Demo"] = "false",
                    ["Database__DataDirectory"] = Path.Combine(work.FullName, "data"),
                    ["Logs__File"] = Path.Combine(work.FullName, "logs", "portal-.json"),
                },
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            var text = (await error).Trim();
            Assert.StartsWith("SocialCard cannot start: Rosters:MaxBytes is 20971520 and Rosters:MaxRows 0", text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(work.FullName, "data")), "no database was created");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
