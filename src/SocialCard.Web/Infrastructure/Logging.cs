using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// Serilog with JSON lines to the console and to a daily rolling file, ID numbers masked in both.
/// The logger is built from the final <see cref="IConfiguration"/> inside DI (Serilog.AspNetCore is
/// not available here, and tests override settings through ConfigureAppConfiguration).
/// </summary>
public static class Logging
{
    public static void AddSocialCardLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerProvider>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new SerilogLoggerProvider(CreateLogger(configuration, environment.ContentRootPath), dispose: true);
        });
    }

    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration, string contentRoot)
    {
        var formatter = new RedactingFormatter(new JsonFormatter(renderMessage: true));
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
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

        return logger.CreateLogger();
    }
}
