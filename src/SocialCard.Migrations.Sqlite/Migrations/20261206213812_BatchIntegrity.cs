using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BatchIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UniqueIdNumber",
                table: "persons",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Declaration",
                table: "batches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing persons: the first clean holder of each number in a batch holds its key; rows flagged
            // DUPLICATE_ID_IN_FILE hold none (the same rule as InsuredPerson.UniqueIdNumber).
            migrationBuilder.Sql(
                """
                UPDATE persons SET "UniqueIdNumber" = "IdNumber"
                WHERE "Id" IN (
                    SELECT MIN("Id") FROM persons
                    WHERE "IdNumber" <> '' AND "Findings" NOT LIKE '%DUPLICATE_ID_IN_FILE%'
                    GROUP BY "BatchId", "IdNumber")
                """);
            migrationBuilder.Sql("""UPDATE batches SET "Declaration" = 1 WHERE "DeclaredAt" IS NOT NULL""");

            migrationBuilder.CreateIndex(
                name: "IX_persons_BatchId_UniqueIdNumber",
                table: "persons",
                columns: new[] { "BatchId", "UniqueIdNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_persons_BatchId_UniqueIdNumber",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "UniqueIdNumber",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "Declaration",
                table: "batches");
        }
    }
}
