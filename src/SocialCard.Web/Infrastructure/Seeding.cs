using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Core.Units;
using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// Creates the roles, optionally a first administrator (Bootstrap:AdminPassword), and with
/// Seed:Demo the demo data: one admin, two units with a clerk each, one hall with a staff account, and a
/// declared demo batch of the first unit in the hall's queue.
/// Idempotent: it only adds what is missing.
/// </summary>
public static class Seeding
{
    public const string DemoPassword = "Demo@2026";

    public static IReadOnlyList<DemoLogin> DemoLogins { get; } =
    [
        new("信息中心管理员", "admin", DemoPassword),
        new("单位经办人（潍坊示例科技有限公司）", "3707000001", DemoPassword),
        new("单位经办人（潍坊示例实验小学）", "3707000002", DemoPassword),
        new("采集点工作人员（南大厅）", "hall01", DemoPassword),
    ];

    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, TimeProvider clock)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (configuration["Bootstrap:AdminPassword"] is { Length: > 0 } adminPassword)
        {
            await EnsureUserAsync(users, "admin", "系统管理员", Roles.Admin, adminPassword, null, null, clock);
        }

        if (!configuration.GetValue("Seed:Demo", false))
        {
            return;
        }

        var hall = await db.Halls.FirstOrDefaultAsync(h => h.Code == "H01");
        if (hall is null)
        {
            hall = new Hall("H01", "市民服务中心南大厅") { Address = "潍坊市奎文区示例路 1 号" };
            db.Halls.Add(hall);
            await db.SaveChangesAsync();
        }

        var company = await EnsureUnitAsync(db, "3707000001", "潍坊示例科技有限公司", UnitType.Employer, hall.Id, "王丽", "0536-8881234", "hr@weifang-demo.example.cn");
        var school = await EnsureUnitAsync(db, "3707000002", "潍坊示例实验小学", UnitType.School, hall.Id, "李强", "0536-8885678", "office@weifang-school.example.cn");

        await EnsureUserAsync(users, "admin", "信息中心管理员", Roles.Admin, DemoPassword, null, null, clock);
        await EnsureUserAsync(users, company.Number, "王丽", Roles.UnitClerk, DemoPassword, company.Id, null, clock);
        await EnsureUserAsync(users, school.Number, "李强", Roles.UnitClerk, DemoPassword, school.Id, null, clock);
        await EnsureUserAsync(users, "hall01", "张敏", Roles.HallStaff, DemoPassword, null, hall.Id, clock);
        await EnsureDemoBatchAsync(db, scope.ServiceProvider, company, clock);
    }

    /// <summary>
    /// A declared batch for the hall's queue, drawn from the mock registry's population: most persons match, a few
    /// differ from the registry (name, ethnicity, birth date, no photo) and one is unknown to it.
    /// </summary>
    private static async Task EnsureDemoBatchAsync(AppDbContext db, IServiceProvider services, Unit unit, TimeProvider clock)
    {
        const string title = "2026年第一批在职人员（演示）";
        if (await db.Batches.AnyAsync(b => b.UnitId == unit.Id && b.Title == title))
        {
            return;
        }

        var registry = services.GetRequiredService<MockIdentityRegistry>();
        var seed = registry.Options.Seed;
        var sample = RegistryPopulation.Persons(seed, (int)Math.Min(5_000, registry.Options.Size)).ToList();
        var adults = sample.Where(p => p.BirthDate.Year is >= 1960 and <= 2004).ToList();
        var chosen = adults.Where(p => registry.PlantedDifference(p.IdNumber) == RegistryDifference.None).Take(16)
            .Concat(adults.Where(p => registry.PlantedDifference(p.IdNumber) != RegistryDifference.None).Take(4))
            .ToList();
        if (registry.Options.Size < RegistryPopulation.Capacity)
        {
            chosen.Add(RegistryPopulation.Persons(seed, 1, start: registry.Options.Size).Single());
        }

        var validation = services.GetRequiredService<PersonValidation>();
        var at = clock.GetUtcNow();
        var batch = new CollectionBatch(unit.Id, title, "system", at);
        var row = 1;
        foreach (var p in chosen)
        {
            row++;
            var person = new InsuredPerson(unit.Id, at) { SourceRow = row };
            var input = new PersonInput(
                p.Name,
                p.IdNumber,
                p.Sex.ToChinese(),
                p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.EthnicityCode,
                $"1380536{row:D4}",
                "261000",
                $"山东省潍坊市奎文区示例路 {row} 号");
            person.Apply(validation.Validate(input), at);
            batch.AddPerson(person);
        }

        // Declared when every demo person passes the checks (they are valid by construction); a draft otherwise.
        batch.Declare("system", at);
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
    }

    /// <summary>A demo unit with a complete profile (单位信息); an existing one gets the items it lacks, so its batches can be declared.</summary>
    private static async Task<Unit> EnsureUnitAsync(AppDbContext db, string number, string name, UnitType type, int hallId, string contact, string phone, string email)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Number == number);
        if (unit is null)
        {
            unit = new Unit(number, name, type) { HallId = hallId };
            db.Units.Add(unit);
        }

        unit.ContactPerson ??= contact;
        unit.Phone ??= phone;
        unit.Email ??= email;
        unit.Address ??= "潍坊市奎文区示例路 8 号";
        await db.SaveChangesAsync();
        return unit;
    }

    private static async Task EnsureUserAsync(
        UserManager<AppUser> users, string userName, string displayName, string role, string password, int? unitId, int? hallId, TimeProvider clock)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = userName, DisplayName = displayName, UnitId = unitId, HallId = hallId, CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password), $"user {userName}");
        Check(await users.AddToRoleAsync(user, role), $"role of {userName}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public sealed record DemoLogin(string Role, string UserName, string Password);
