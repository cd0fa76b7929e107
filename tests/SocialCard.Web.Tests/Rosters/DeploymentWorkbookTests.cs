using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Rosters;

/// <summary>The portal with a non-default 常住地址 limit and 人员类别 list, as a deployment configures them.</summary>
public sealed class DeploymentSettingsPortalFactory() : PortalFactory(DatabaseProvider.Sqlite)
{
    public const int AddressMaxLength = 31;

    public static readonly string[] Categories = ["职工", "离休干部", "外籍人员"];

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Validation:AddressMaxLength"] = AddressMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Rosters:Categories:0"] = Categories[0],
        ["Rosters:Categories:1"] = Categories[1],
        ["Rosters:Categories:2"] = Categories[2],
    };
}

/// <summary>
/// The annotated workbook of a .csv upload is written anew in the template layout: it carries the deployment's
/// 常住地址 limit (the column's length check, its input message, its error text) and 人员类别 list, not built-in ones
/// (nor the configured list added to the built-in one, as the configuration binder does to a list that has items).
/// </summary>
public sealed class DeploymentWorkbookTests(DeploymentSettingsPortalFactory factory) : IClassFixture<DeploymentSettingsPortalFactory>
{
    [Fact]
    public async Task The_annotated_workbook_of_a_csv_upload_carries_the_deployments_address_limit_and_categories()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var id = Ids.Make(year: 1971);
        var rows = new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = new()
            {
                [RosterColumn.Name] = "张三",
                [RosterColumn.IdNumber] = id,
                [RosterColumn.Sex] = "男",
                [RosterColumn.Ethnicity] = "01 汉族",
                [RosterColumn.Phone] = "13912345678",
                [RosterColumn.Postcode] = "261041",
                // 25 characters: too long for the built-in 24, within this deployment's 31.
                [RosterColumn.Address] = "山东省潍坊市奎文区东风东街示例路八号院三号楼二单元",
            },
        };
        var check = await RosterTests.UploadAsync(clerk, batchId, "花名册.csv", RosterFiles.Csv(rows, new Dictionary<int, Dictionary<RosterColumn, string?>>(), Encoding.UTF8));
        Assert.DoesNotContain("ADDRESS_TOO_LONG", check.Body!.TextContent, StringComparison.Ordinal);
        var response = await clerk.Http.GetAsync(check.QuerySelector("a[href*='handler=Annotated']")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var workbook = document.WorkbookPart!;
        var data = Sheet(workbook, RosterTemplate.DataSheetName);
        var address = XlsxColumn(RosterColumn.Address);
        var addressRule = data.Worksheet.Descendants<DataValidation>()
            .Single(dv => dv.SequenceOfReferences!.Items.Any(r => r.Value!.StartsWith(address, StringComparison.Ordinal)));
        Assert.Equal(DataValidationValues.TextLength, addressRule.Type!.Value);
        Assert.Equal("31", addressRule.GetFirstChild<Formula1>()!.Text);
        Assert.Contains("31个字", addressRule.Prompt!.Value, StringComparison.Ordinal);
        Assert.Contains("不能超过31个字", addressRule.Error!.Value, StringComparison.Ordinal);

        // The 人员类别 drop-down's list is exactly the configured one (not added to the built-in one), as in the template.
        Assert.Equal(DeploymentSettingsPortalFactory.Categories, Categories(workbook));
        using var template = SpreadsheetDocument.Open(new MemoryStream(await RosterTests.DownloadTemplateAsync(clerk, batchId)), isEditable: false);
        Assert.Equal(DeploymentSettingsPortalFactory.Categories, Categories(template.WorkbookPart!));
    }

    /// <summary>The 人员类别 list in the hidden 代码表 (column C below its header) and the range its name covers.</summary>
    private static List<string?> Categories(WorkbookPart workbook)
    {
        var cells = Sheet(workbook, RosterTemplate.ListsSheetName).Worksheet.Descendants<Cell>()
            .Where(c => c.CellReference!.Value!.StartsWith('C') && c.CellReference.Value != "C1")
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text)
            .ToList();
        var name = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "SocialCard_Categories");
        Assert.EndsWith($"$C$2:$C${cells.Count + 1}", name.Text, StringComparison.Ordinal);
        return cells;
    }

    private static WorksheetPart Sheet(WorkbookPart workbook, string name) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == name).Id!);

    private static string XlsxColumn(RosterColumn column) => ((char)('A' + (int)column)).ToString();
}
