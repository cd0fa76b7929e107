using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Pages.Account;

/// <summary>
/// Sign-in by unit number (clerks) or account name. Posts are rate-limited per client address
/// (<see cref="SignInLimits"/>); five wrong passwords lock an account for a while, until then or an administrator's
/// password reset. A typed user name is logged only when it is an existing account; otherwise "unknown account"
/// with the client address, since people type their own names or passwords into the field.
/// </summary>
[EnableRateLimiting(SignInLimits.Policy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, TimeProvider clock, ILogger<LoginModel> logger) : PageModel
{
    private const string WrongPassword = "单位编号（账号）或密码不正确，请重新输入。连续输错 5 次将临时锁定账号。";

    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = UserName.Trim();
        if (userName.Length == 0 || Password.Length == 0)
        {
            Error = "请输入单位编号（或账号）和密码。";
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            logger.LogInformation("Failed sign-in for an unknown account from {Client:l}", client);
            Error = WrongPassword;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {User} signed in", user.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {User} is locked out (sign-in from {Client:l})", user.UserName, client);
            var end = await signIn.UserManager.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow().AddMinutes(1);
            var minutes = Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
            Error = $"账户已被锁定，请 {minutes} 分钟后再试，或联系信息中心管理员重置密码解锁。";
        }
        else
        {
            logger.LogInformation("Failed sign-in for {User} from {Client:l}", user.UserName, client);
            Error = WrongPassword;
        }

        return Page();
    }
}
