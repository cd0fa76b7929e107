using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Documents;
using SocialCard.Web.Exports;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Review;
using SocialCard.Web.Rosters;

namespace SocialCard.Web;

/// <summary>
/// The portal's services, one registration per feature (each in the feature's folder, with its typed settings).
/// Everything that depends on configuration is resolved from DI, after the host (and a test's
/// ConfigureAppConfiguration) has settled the final configuration.
/// </summary>
public static class ServiceSetup
{
    public const string UnitPolicy = SecuritySetup.UnitPolicy;
    public const string HallPolicy = SecuritySetup.HallPolicy;
    public const string AdminPolicy = SecuritySetup.AdminPolicy;

    public static IServiceCollection AddSocialCard(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddPortalDatabase();
        services.AddBatches();
        services.AddRosters();
        services.AddPhotos();
        services.AddReview();
        services.AddDocuments();
        services.AddCentre();
        services.AddPortalSecurity();
        services.AddPortalPages();
        services.AddPortalHealthChecks();
        return services;
    }

    private static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        // Write Chinese text as characters, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddOpenApi();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeAreaFolder("Unit", "/", UnitPolicy);
            o.Conventions.AuthorizeAreaFolder("Hall", "/", HallPolicy);
            o.Conventions.AuthorizeAreaFolder("Admin", "/", AdminPolicy);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Status");
        }).AddMvcOptions(o => o.Filters.Add(new UploadRedirects()));
        return services;
    }

    private static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck("photo-codec", () => JpegCodec.CheckAvailable() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy())
            .AddCheck("document-fonts", () => DocumentFontCheck.Problem() is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy());
        return services;
    }
}

/// <summary>Whether the font files of the printed forms are still where the portal found them at start-up.</summary>
internal static class DocumentFontCheck
{
    public static string? Problem()
    {
        var options = new Core.Documents.Fonts.DocumentFontOptions();
        return new[] { options.Primary }.Concat(options.Fallbacks)
            .Where(f => !File.Exists(f.Path))
            .Select(f => $"{f.Path} not found: apt-get install {f.DebianPackage}")
            .FirstOrDefault();
    }
}
