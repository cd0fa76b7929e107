using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Registry;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Api;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Review;
using SocialCard.Web.Rosters;
using SocialCard.Web.Status;

namespace SocialCard.Web;

public static class ServiceSetup
{
    public const string UnitPolicy = "Unit";
    public const string HallPolicy = "Hall";
    public const string AdminPolicy = "Admin";

    public static IServiceCollection AddSocialCard(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);

        // Write Chinese text as characters, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Everything that depends on configuration is resolved from DI, after the host (and a test's
        // ConfigureAppConfiguration) has settled the final configuration.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var resolved = options.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new ResolvedDatabase(resolved.Provider, resolved.ConnectionString);
        });
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<ResolvedDatabase>();
            options.UseProvider(database.Provider, database.ConnectionString);
        });
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IConfiguration>().GetSection(ValidationSettings.Section).Get<ValidationSettings>() ?? new ValidationSettings();
            return settings.Build(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
        });
        services.AddSingleton<PersonValidation>();

        // Keys for cookies and antiforgery tokens live beside the data, so sign-ins survive a restart.
        services.AddDataProtection().SetApplicationName("SocialCard");
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((o, config, env, logs) =>
        {
            var directory = Path.GetFullPath(Path.Combine(env.ContentRootPath, config["DataProtection:KeysDirectory"] is { Length: > 0 } d ? d : "data/keys"));
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), logs);
        });
        services.AddScoped<AuditLog>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(RosterSettings.Section).Get<RosterSettings>() ?? new RosterSettings());
        services.AddSingleton<IRosterReader, RosterReader>();
        services.AddScoped<RosterImport>();
        services.AddScoped<RosterWorkbooks>();
        services.AddScoped<RosterConflicts>();
        services.AddSingleton<ImportThrottle>();
        services.AddScoped<PersonChecks>();
        services.AddScoped<BatchActions>();
        services.AddScoped<BatchWrites>();
        services.AddScoped<PersonWrites>();
        services.AddSingleton(sp => PhotoSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Core.Photos.Faces.IFaceLandmarker>(sp => sp.GetRequiredService<PhotoSettings>().Landmarker());
        services.AddSingleton(sp => sp.GetRequiredService<PhotoSettings>().BuildInspector());
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<PhotoInspector>(); // the same start-up checks, with their messages, first
            return sp.GetRequiredService<PhotoSettings>().BuildFixer();
        });
        services.AddSingleton<IJpegCodec>(_ => new JpegCodec());
        services.AddSingleton<IPhotoStore>(sp => new FileSystemPhotoStore(
            Path.GetFullPath(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<PhotoSettings>().Directory))));
        services.AddScoped<PhotoService>();
        services.AddScoped<PhotoFileCleanup>();
        services.AddScoped<Documents.SummaryTables>();
        services.AddScoped<Documents.HallForms>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(RegistrySettings.Section).Get<RegistrySettings>() ?? new RegistrySettings());
        services.AddSingleton<MockIdentityRegistry>(sp => sp.GetRequiredService<RegistrySettings>().Build(sp.GetRequiredService<IJpegCodec>()));
        services.AddSingleton<IIdentityRegistry>(sp => sp.GetRequiredService<MockIdentityRegistry>());
        services.AddScoped<RegistryComparisons>();
        services.AddScoped<HallMarks>();
        services.AddScoped<OnSitePhotos>();
        services.AddScoped<PhotoReviews>();
        services.AddScoped<Admin.AdminWrites>();
        services.AddScoped<Admin.AccountWrites>();
        services.AddScoped<Admin.UnitProfileWrites>();
        services.AddScoped<Dashboard.ProgressDashboard>();
        services.AddStatusLookup();
        services.AddApiRateLimit();
        services.AddSignInLimit();
        services.AddScoped<Exports.ExportService>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "socialcard.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "socialcard.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddOpenApi();

        services.AddAuthorizationBuilder()
            .AddPolicy(BatchApi.Policy, BatchApi.BuildPolicy())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(UnitPolicy, p => p.RequireRole(Roles.UnitClerk).RequireClaim(ClaimsFactory.UnitIdClaim))
            .AddPolicy(HallPolicy, p => p.RequireRole(Roles.HallStaff).RequireClaim(ClaimsFactory.HallIdClaim))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

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

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck("photo-codec", () => JpegCodec.CheckAvailable() is { } problem
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy(problem)
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy())
            .AddCheck("document-fonts", () => DocumentFontCheck.Problem() is { } problem
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy(problem)
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        return services;
    }
}

public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString);

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
