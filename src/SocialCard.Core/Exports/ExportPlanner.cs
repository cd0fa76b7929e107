using System.Globalization;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;

namespace SocialCard.Core.Exports;

/// <summary>A pending person of an accepted batch: the key of their current portrait (if any), and whether the registry holds their photo.</summary>
public sealed record ExportCandidate(InsuredPerson Person, string? PortraitKey, bool RegistryHasPhoto);

/// <summary>A person who goes into the next export.</summary>
public sealed record ReadyPerson(InsuredPerson Person, ExportPerson Export);

/// <summary>A pending person who does not go into the next export, and why (Chinese, shown to the hall).</summary>
public sealed record HeldPerson(InsuredPerson Person, string Reason);

public sealed record ExportPlan(IReadOnlyList<ReadyPerson> Ready, IReadOnlyList<HeldPerson> Held);

/// <summary>
/// Decides who of a unit's pending persons goes into the next export: not held by an open hall mark, with a photo
/// source (their own current portrait, else the registry's photo; kindergarten children need none), and each ID
/// number once — never one already exported for the unit, never twice in one zip.
/// </summary>
public static class ExportPlanner
{
    /// <param name="candidates">The pending persons in roster order; persons already exported are ignored.</param>
    /// <param name="photoRequired">False for kindergartens (children need no photo).</param>
    /// <param name="exportedBefore">ID numbers the unit has already exported → the file they went out in.</param>
    public static ExportPlan Plan(IEnumerable<ExportCandidate> candidates, bool photoRequired, IReadOnlyDictionary<string, string>? exportedBefore = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ready = new List<ReadyPerson>();
        var held = new List<HeldPerson>();
        var taken = new Dictionary<string, InsuredPerson>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var person = candidate.Person;
            if (person.ExportId is not null)
            {
                continue;
            }

            if (HallReason(person) is { } hallReason)
            {
                held.Add(new(person, hallReason));
                continue;
            }

            ExportPhotoSource? source = candidate.PortraitKey is not null ? ExportPhotoSource.File
                : candidate.RegistryHasPhoto ? ExportPhotoSource.Registry
                : photoRequired ? null
                : ExportPhotoSource.None;
            if (source is not { } photoSource)
            {
                held.Add(new(person, "没有照片：单位未上传本人照片，身份信息库中也没有此人相片。可请单位补传照片，或标记现场拍照。"));
                continue;
            }

            if (taken.TryGetValue(person.IdNumber, out var first))
            {
                held.Add(new(person, $"身份证号码与本次报盘的“{first.Name}”相同，同一人只报盘一次。请核实后处理。"));
                continue;
            }

            if (exportedBefore is not null && exportedBefore.TryGetValue(person.IdNumber, out var file))
            {
                held.Add(new(person, $"此身份证号码已在 {file} 中报盘，同一人不重复报盘。"));
                continue;
            }

            taken[person.IdNumber] = person;
            ready.Add(new(person, ExportPerson.From(person, photoSource, photoSource == ExportPhotoSource.File ? candidate.PortraitKey : null)));
        }

        return new ExportPlan(ready, held);
    }

    /// <summary>Why an open hall mark holds the person back (<see cref="InsuredPerson.IsHeldByHall"/>), or null.</summary>
    public static string? HallReason(InsuredPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!person.IsHeldByHall)
        {
            return null;
        }

        var reason = string.IsNullOrWhiteSpace(person.HallMarkReason) ? "" : $"：{person.HallMarkReason}";
        if (person.HallMark == HallMark.OnSitePhoto)
        {
            var date = person.OnSitePhotoDate is { } d ? $"（预约 {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）" : "（尚未预约）";
            return $"待现场拍照{date}{reason}";
        }

        return $"采集点标记“{person.HallMark.ToChinese()}”{reason}";
    }
}
