using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialCard.Web.Api;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Infrastructure.Logging;

namespace SocialCard.Web;

public static class AppSetup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Every feature's settings, the native photo libraries, cascades, the face model and the fonts of the
        // printed forms are checked now, so a wrong value or a missing package stops the start with its fix.
        app.Services.CheckSettings();
        app.Services.GetRequiredService<Core.Photos.Fixing.PhotoFixer>();
        app.Services.GetRequiredService<Core.Registry.IIdentityRegistry>();
        app.Services.GetRequiredService<Core.Persons.PersonValidationOptions>();
        try
        {
            Documents.SummaryTables.EnsureFonts();
        }
        catch (Core.Documents.Fonts.DocumentFontMissingException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        var database = app.Services.GetRequiredService<ResolvedDatabase>();
        await DatabaseStartup.MigrateAsync(app.Services, database.Provider);
        await Seeding.RunAsync(app.Services, app.Configuration, app.Services.GetRequiredService<TimeProvider>());
        app.Logger.LogInformation("Database ready on {Provider}", database.Provider);
    }

    public static void UseSocialCard(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseSocialCardRequestLogging();
        // Pages: the Chinese error page, with the status the exception means (409 concurrent change, 503 outage).
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = PortalErrors.StatusCodeOf });
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        // The API: problem documents instead of both of the above.
        app.UseMiddleware<ApiErrors>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // Before antiforgery and model binding read the form: each upload endpoint's own size limit.
        app.UseMiddleware<UploadLimits>();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapBatchApi();
        app.MapRazorPages();
    }

    /// <summary>Prints where the portal listens and, with demo data, the demo logins (plain text for the person at the terminal).</summary>
    public static void PrintWelcomeOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var text = new System.Text.StringBuilder();
            text.AppendLine().AppendLine("SocialCard 社会保障卡信息采集平台 is running.");
            foreach (var address in addresses)
            {
                text.AppendLine($"  Open: {address}");
            }

            if (app.Configuration.GetValue("Seed:Demo", false))
            {
                text.AppendLine("  Demo logins (user name / password):");
                foreach (var login in Seeding.DemoLogins)
                {
                    text.AppendLine($"    {login.Role,-24} {login.UserName} / {login.Password}");
                }
            }

            text.AppendLine("  Health: /health    Stop: Ctrl+C");
            Console.Out.Write(text.ToString());
        });
    }

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), error = e.Value.Exception?.Message ?? e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
