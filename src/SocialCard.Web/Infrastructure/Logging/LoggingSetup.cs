using Serilog;
using Serilog.Formatting.Compact;

namespace SocialCard.Web.Infrastructure.Logging;

/// <summary>
/// The portal's logging, on Serilog (Serilog.AspNetCore): compact JSON lines (rendered message in <c>@m</c>) to the
/// console and to a daily rolling file, ID numbers and names in logged file names masked in both
/// (<see cref="RedactingFormatter"/>), and one event per request (<see cref="RequestLogFields"/>).
/// The logger is built from the final <see cref="IConfiguration"/> inside DI, so that settings tests add through
/// ConfigureAppConfiguration count; it is this host's own logger, never the static <see cref="Log.Logger"/>, so that
/// several hosts in one process (the tests) each write to their own files.
/// </summary>
public static class LoggingSetup
{
    public static void AddSocialCardLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => Configure(logger, services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>().ContentRootPath),
            preserveStaticLogger: true);
    }

    /// <summary>One event per request, in place of ASP.NET Core's own request events (call first in the pipeline).</summary>
    public static void UseSocialCardRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = RequestLogFields.MessageTemplate;
            options.EnrichDiagnosticContext = RequestLogFields.Enrich;
        });
    }

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, string contentRoot)
    {
        var formatter = new RedactingFormatter(new RenderedCompactJsonFormatter());
        try
        {
            logger.ReadFrom.Configuration(configuration);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // E.g. "The value Loud is not a valid Serilog level": a setting to fix, not a crash with a stack trace.
            throw new StartupException($"The Serilog settings are not valid: {ex.Message} (section \"Serilog\" of appsettings.json, or Serilog__… environment variables).", ex);
        }

        logger
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "SocialCard");

        if (configuration.GetValue("Logs:Console", true))
        {
            logger.WriteTo.Console(formatter);
        }

        var file = configuration["Logs:File"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, file));
            logger.WriteTo.File(formatter, path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30, shared: true);
        }

        return logger;
    }
}
