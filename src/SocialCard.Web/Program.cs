using SocialCard.Web;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Infrastructure.Logging;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSocialCardLogging();
    builder.Services.AddSocialCard();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseSocialCard();
    app.PrintWelcomeOnStart();
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    // The message names the fix; a stack trace would only bury it.
    await Console.Error.WriteLineAsync($"SocialCard cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point; public so that integration tests can host it.</summary>
public partial class Program;
