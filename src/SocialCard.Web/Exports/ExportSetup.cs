using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Exports;

/// <summary>The "Exports" configuration section.</summary>
public sealed class ExportSettings
{
    public const string Section = "Exports";

    /// <summary>Folder of the export zips (…out_N.zip), relative to the content root.</summary>
    public string Directory { get; set; } = "data/exports";
}

/// <summary>The information centre's work: exports (分批报盘), the progress dashboard, and the administration writes.</summary>
public static class ExportSetup
{
    public static IServiceCollection AddCentre(this IServiceCollection services)
    {
        services.AddSettings<ExportSettings>(ExportSettings.Section, s =>
        {
            if (string.IsNullOrWhiteSpace(s.Directory))
            {
                throw new StartupException("Exports:Directory is empty; give a folder for the export zips (default data/exports).");
            }
        });
        services.AddScoped<ExportService>();
        services.AddScoped<Dashboard.ProgressDashboard>();
        services.AddScoped<Admin.AdminWrites>();
        services.AddScoped<Admin.AccountWrites>();
        services.AddScoped<Admin.UnitProfileWrites>();
        return services;
    }
}
