using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Data;

namespace SocialCard.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, ILogger<LoginModel> logger) : PageModel
{
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

        var result = await signIn.PasswordSignInAsync(userName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {User} signed in", userName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {User} is locked out", userName);
            Error = "密码连续输错次数过多，账号已临时锁定。请 15 分钟后再试，或请信息中心重置密码。";
        }
        else
        {
            logger.LogInformation("Failed sign-in for {User}", userName);
            Error = "单位编号（账号）或密码不正确，请重新输入。连续输错 5 次将临时锁定账号。";
        }

        return Page();
    }
}
