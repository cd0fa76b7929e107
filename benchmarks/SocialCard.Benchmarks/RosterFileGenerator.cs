using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;

namespace SocialCard.Benchmarks;

/// <summary>Writes a large roster in the template's layout with OpenXmlWriter; a share of rows carries planted errors.</summary>
public static class RosterFileGenerator
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红鹏飞鑫宇浩然子轩梓涵欣怡雨博文";

    public static void Write(string path, int rows, double errorRate, int seed = 20261122)
    {
        var random = new Random(seed);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, RosterTemplate.Columns.Select(c => c.Header).ToArray());
            for (var i = 0; i < rows; i++)
            {
                var (id, birth, male) = MakeId(i);
                var cells = new string[RosterTemplate.Columns.Count];
                cells[(int)RosterColumn.Name] = NameOf(i);
                cells[(int)RosterColumn.IdNumber] = id;
                cells[(int)RosterColumn.Sex] = male ? "男" : "女";
                cells[(int)RosterColumn.BirthDate] = birth;
                cells[(int)RosterColumn.Ethnicity] = "01 汉族";
                cells[(int)RosterColumn.Phone] = "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
                cells[(int)RosterColumn.Postcode] = "261041";
                cells[(int)RosterColumn.Address] = "山东省潍坊市奎文区示例路" + (i % 999 + 1).ToString(CultureInfo.InvariantCulture) + "号";
                if (random.NextDouble() < errorRate)
                {
                    Plant(cells, random.Next(4));
                }

                WriteRow(writer, cells);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = RosterTemplate.DataSheetName }));
        workbook.Workbook.Save();
    }

    /// <summary>A distinct name per row (surname + two given characters), so a valid roster has no same-name groups.</summary>
    private static string NameOf(int i) =>
        string.Concat(Surnames[i % Surnames.Length], Given[i / Surnames.Length % Given.Length], Given[i / Surnames.Length / Given.Length % Given.Length]);

    /// <summary>Unique valid numbers: a region code, a date and a sequence derived from the row index.</summary>
    private static (string Id, string Birth, bool Male) MakeId(int i)
    {
        var date = new DateOnly(1960, 1, 1).AddDays(i / 900 % 15000);
        var sequence = i % 900 + 100;
        var first17 = "370702" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return (first17 + CitizenId.ComputeCheckCharacter(first17), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sequence % 2 == 1);
    }

    private static void Plant(string[] cells, int kind)
    {
        switch (kind)
        {
            case 0:
                var id = cells[(int)RosterColumn.IdNumber];
                cells[(int)RosterColumn.IdNumber] = id[..17] + (id[17] == '1' ? '2' : '1');
                break;
            case 1:
                cells[(int)RosterColumn.Phone] = "12345";
                break;
            case 2:
                cells[(int)RosterColumn.Sex] = cells[(int)RosterColumn.Sex] == "男" ? "女" : "男";
                break;
            default:
                cells[(int)RosterColumn.Address] = "山东省潍坊市奎文区胜利东街道示例社区幸福小区三号楼二单元";
                break;
        }
    }

    private static void WriteRow(OpenXmlWriter writer, string?[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var text in cells)
        {
            writer.WriteStartElement(new Cell { DataType = CellValues.InlineString });
            writer.WriteElement(new InlineString(new Text(text ?? "")));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
