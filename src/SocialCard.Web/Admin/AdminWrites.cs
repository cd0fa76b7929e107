using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Api;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Core.Register;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Admin;

/// <summary>A unit as the information centre enters it; the profile may be left to the unit's clerk.</summary>
public sealed record NewUnit(string? Number, string? Name, UnitType Type, int? HallId, string? ContactPerson, string? Phone, string? Email, string? Address);

/// <summary>What a register import did.</summary>
public sealed record RegisterImported(int Rows, int Added, int Updated);

/// <summary>An issued API key and its secret, shown once.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>
/// The information centre's writes: units, halls, API keys and the insurance register, each checked, saved and
/// audited in one unit of work.
/// </summary>
public sealed partial class AdminWrites(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int HallCodeMaxLength = 20;
    public const int HallNameMaxLength = 100;

    public async Task<Result<Unit>> CreateUnitAsync(NewUnit input, string actor, CancellationToken ct = default)
    {
        var number = input.Number?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        var errors = new List<string>();
        if (UnitProfile.BadCharacters("单位编号", number) is { } badNumber)
        {
            errors.Add(badNumber);
        }
        else if (!UnitNumberPattern().IsMatch(number))
        {
            errors.Add("单位编号只能由 4–20 位数字或字母组成。");
        }

        if (name.Length == 0)
        {
            errors.Add("请填写单位名称。");
        }
        else if (UnitProfile.BadCharacters("单位名称", name) is { } badName)
        {
            errors.Add(badName);
        }
        else if (name.Length > UnitProfile.NameMaxLength)
        {
            errors.Add($"单位名称最多 {UnitProfile.NameMaxLength} 个字，请精简。");
        }

        // The profile may be left to the unit's clerk (单位信息), but what is filled in is checked like there.
        var profile = UnitProfile.Check(new UnitProfileInput(input.ContactPerson, input.Phone, input.Email, input.Address), required: false);
        errors.AddRange(profile.Errors);

        if (errors.Count == 0 && await db.Units.AnyAsync(u => u.Number == number, ct))
        {
            errors.Add($"单位编号 {number} 已存在。");
        }

        if (input.HallId is { } hallId && !await db.Halls.AnyAsync(h => h.Id == hallId, ct))
        {
            errors.Add("所选采集点不存在，请刷新页面后重选。");
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var unit = new Unit(number, name, input.Type) { HallId = input.HallId };
        profile.ApplyTo(unit);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.CreateUnit, "Unit", unit.Id, unit.Id, new { unit.Number, unit.Name, Type = unit.Type.ToString(), unit.HallId });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<Unit>.Ok(unit);
    }

    public async Task<Result<Hall>> CreateHallAsync(string? code, string? name, string? address, string actor, CancellationToken ct = default)
    {
        (code, name, address) = (code?.Trim(), name?.Trim(), address?.Trim());
        if (string.IsNullOrEmpty(code) || code.Length > HallCodeMaxLength || string.IsNullOrEmpty(name) || name.Length > HallNameMaxLength)
        {
            return Result<Hall>.Fail($"请填写代码（最多 {HallCodeMaxLength} 位）和名称（最多 {HallNameMaxLength} 字）。");
        }

        if (await db.Halls.AnyAsync(h => h.Code == code, ct))
        {
            return Result<Hall>.Fail($"代码 {code} 已被使用，请换一个。");
        }

        var hall = new Hall(code, name) { Address = string.IsNullOrEmpty(address) ? null : address };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Halls.Add(hall);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.CreateHall, "Hall", hall.Id, null, new { hall.Code, hall.Name });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<Hall>.Ok(hall);
    }

    public async Task<Result<IssuedApiKey>> IssueApiKeyAsync(int unitId, string? name, string actor, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct) || string.IsNullOrWhiteSpace(name))
        {
            return Result<IssuedApiKey>.Fail("请选择单位并填写用途。");
        }

        var (key, secret) = ApiKey.Issue(unitId, name, actor, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        audit.Record(actor, AuditActions.IssueApiKey, "ApiKey", key.Prefix, unitId, new { key.Name, key.Prefix });
        await db.SaveChangesAsync(ct);
        return Result<IssuedApiKey>.Ok(new IssuedApiKey(key, secret));
    }

    public async Task<Result<ApiKey>> RevokeApiKeyAsync(int keyId, string actor, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct);
        if (key is null)
        {
            return Result.NotFound();
        }

        key.Revoke(clock.GetUtcNow());
        audit.Record(actor, AuditActions.RevokeApiKey, "ApiKey", key.Prefix, key.UnitId, new { key.Name, key.Prefix });
        await db.SaveChangesAsync(ct);
        return Result<ApiKey>.Ok(key);
    }

    /// <summary>
    /// Imports the insurance register (参保人员名单): every row's unit must exist; rows are matched by 个人编号 and
    /// added or updated. Any problem refuses the whole file (listed per row), nothing is imported then.
    /// </summary>
    public async Task<Result<RegisterImported>> ImportRegisterAsync(Stream content, string fileName, string actor, CancellationToken ct = default)
    {
        var read = RegisterFile.Read(content, fileName);
        var problems = new List<string>(read.Problems);
        var unitIds = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Number, u => u.Id, ct);
        problems.AddRange(read.Rows.Where(r => !unitIds.ContainsKey(r.UnitNumber)).Take(20)
            .Select(r => $"第 {r.RowNumber} 行：单位编号 {r.UnitNumber} 不存在，请先在“参保单位”中新增该单位。"));
        if (problems.Count > 0)
        {
            return Result.Invalid(problems);
        }

        var now = clock.GetUtcNow();
        var numbers = read.Rows.Select(r => r.PersonalNumber).ToList();
        var existing = await db.Register.Where(r => numbers.Contains(r.PersonalNumber)).ToDictionaryAsync(r => r.PersonalNumber, ct);
        int added = 0, updated = 0;
        foreach (var row in read.Rows)
        {
            var unitId = unitIds[row.UnitNumber];
            if (existing.TryGetValue(row.PersonalNumber, out var person))
            {
                person.Update(unitId, row.Category, row.Name, row.IdNumber, now);
                updated++;
            }
            else
            {
                db.Register.Add(new RegisteredPerson(unitId, row.PersonalNumber, row.Category, row.Name, row.IdNumber, now));
                added++;
            }
        }

        audit.Record(actor, AuditActions.ImportRegister, "Register", fileName, null, new { Added = added, Updated = updated });
        await db.SaveChangesAsync(ct);
        return Result<RegisterImported>.Ok(new RegisterImported(read.Rows.Count, added, updated));
    }

    [GeneratedRegex("^[0-9A-Za-z]{4,20}$")]
    private static partial Regex UnitNumberPattern();
}
