using System.Net;
using AngleSharp.Html.Parser;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// Sign-in against guessing and against locking clerks out: a per-address limit on login posts that answers 429
/// before an account locks, the locked-out message that says how to unlock, and the administrator's reset that unlocks.
/// Each test is its own visitor address (see <see cref="SignInFactory"/>).
/// </summary>
public abstract class SignInTests(SignInFactory factory)
{
    protected SignInFactory Factory { get; } = factory;

    [Fact]
    public async Task Too_many_sign_ins_from_one_address_answer_429_in_Chinese_with_when_to_retry_and_the_account_stays_open()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var guesser = ClientAddresses.Visitor(Factory);
        for (var i = 0; i < SignInFactory.PermitsPerMinute; i++)
        {
            var failed = await guesser.LoginAsync(unit.Number, "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("密码不正确", await failed.Content.ReadAsStringAsync());
        }

        var refused = await guesser.LoginAsync(unit.Number, "guess-again");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("登录尝试过于频繁", page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"请在 \d\d:\d\d 以后（约 1 分钟后）再试", page.Body!.TextContent);
        Assert.DoesNotContain("进度查询的次数", page.Body.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/Account/Login']"));
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header.");
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);

        // The login page itself stays reachable, and the clerk at another address signs in: the account did not lock.
        await guesser.GetOkPageAsync("/Account/Login");
        using var clerk = ClientAddresses.Visitor(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.LoginAsync(unit.Number, TestData.Password)).StatusCode);
    }

    [Fact]
    public async Task An_IPv6_client_counts_per_64_network()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var network = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
        for (var i = 0; i < SignInFactory.PermitsPerMinute; i++)
        {
            using var host = ClientAddresses.Visitor(Factory, $"{network}::{i + 1:x}");
            Assert.Equal(HttpStatusCode.OK, (await host.LoginAsync(unit.Number, "guess-" + i)).StatusCode);
        }

        using var neighbour = ClientAddresses.Visitor(Factory, $"{network}:ffff:ffff:ffff:ffff");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await neighbour.LoginAsync(unit.Number, TestData.Password)).StatusCode);
        using var elsewhere = ClientAddresses.Visitor(Factory, $"2001:db8:ffff:{Random.Shared.Next(1, 0xffff):x}::1");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.LoginAsync(unit.Number, TestData.Password)).StatusCode);
    }

    [Fact]
    public async Task Locked_out_clerk_is_told_when_to_retry_and_whom_to_ask_and_the_admins_password_reset_unlocks_the_account()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        string text = "";
        for (var i = 0; i < 5; i++)
        {
            // From ever new addresses, as a guesser spreading over many would: the account locks at the fifth failure.
            using var guesser = ClientAddresses.Visitor(Factory);
            text = await (await guesser.LoginAsync(unit.Number, "guess-" + i)).Content.ReadAsStringAsync();
        }

        Assert.Contains("账户已被锁定，请 15 分钟后再试，或联系信息中心管理员重置密码解锁", text);
        using var clerk = ClientAddresses.Visitor(Factory);
        var locked = await clerk.LoginAsync(unit.Number, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Matches("账户已被锁定，请 1[45] 分钟后再试，或联系信息中心管理员重置密码解锁", await locked.Content.ReadAsStringAsync());

        var adminName = await TestData.CreateAdminAsync(Factory);
        using var admin = ClientAddresses.Visitor(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync(adminName, TestData.Password)).StatusCode);
        var list = await admin.GetOkPageAsync("/Admin/Accounts");
        var row = list.QuerySelectorAll("tr").First(r => r.QuerySelector("td")?.TextContent == unit.Number);
        var userId = row.QuerySelector("input[name=userId]")!.GetAttribute("value")!;
        var reset = await admin.PostWithTokenAsync("/Admin/Accounts", "/Admin/Accounts?handler=Reset", new() { ["userId"] = userId, ["newPassword"] = "after-reset1" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.LoginAsync(unit.Number, "after-reset1")).StatusCode);
    }
}

/// <summary>A portal with a low sign-in limit whose client address each test request names in a header.</summary>
public abstract class SignInFactory(DatabaseProvider provider) : ClientAddressPortalFactory(provider)
{
    public const int PermitsPerMinute = 3;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["SignIn:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class SqliteSignInFactory() : SignInFactory(DatabaseProvider.Sqlite);

public sealed class PostgresSignInFactory() : SignInFactory(DatabaseProvider.Postgres);

public sealed class SqliteSignInTests(SqliteSignInFactory factory) : SignInTests(factory), IClassFixture<SqliteSignInFactory>;

public sealed class PostgresSignInTests(PostgresSignInFactory factory) : SignInTests(factory), IClassFixture<PostgresSignInFactory>;
