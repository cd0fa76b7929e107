using Microsoft.Playwright;

namespace SocialCard.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (no downloaded browser), with timeouts that fail instead of hang.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const float TimeoutMs = 30_000;

    private static readonly string[] Args =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Console errors, script errors and HTTP errors the page met.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The questions the page asked (confirm dialogs before deleting or declaring), in order.</summary>
    public List<string> Dialogs { get; } = [];

    /// <summary>How the clerk answers those questions: OK (the default) or 取消.</summary>
    public bool ConfirmDialogs { get; set; } = true;

    public static async Task<BrowserSession> StartAsync(Uri baseAddress)
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is missing at {ChromiumPath}: apt-get install -y chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = Args, Timeout = TimeoutMs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        var session = new BrowserSession(playwright, browser, await context.NewPageAsync());
        session.Page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                session.Problems.Add($"console {m.Type}: {m.Text}");
            }
        };
        session.Page.PageError += (_, e) => session.Problems.Add("page error: " + e);
        session.Page.Dialog += async (_, dialog) =>
        {
            session.Dialogs.Add(dialog.Message);
            await (session.ConfirmDialogs ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        session.Page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                session.Problems.Add($"HTTP {r.Status} for {r.Request.Method} {r.Url}");
            }
        };
        return session;
    }

    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("单位编号 / 账号").FillAsync(userName);
        await Page.GetByLabel("密码").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public async Task SignOutAsync()
    {
        await Page.Locator("header form[action='/Account/Logout'] button").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Unit", StringComparison.Ordinal) && !url.Contains("/Hall", StringComparison.Ordinal) && !url.Contains("/Admin", StringComparison.Ordinal));
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var dir = Environment.GetEnvironmentVariable("SOCIALCARD_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
