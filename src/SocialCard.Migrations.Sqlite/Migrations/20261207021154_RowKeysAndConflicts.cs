using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RowKeysAndConflicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Conflicts",
                table: "roster_uploads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "KeptPortal",
                table: "roster_uploads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SkippedDeleted",
                table: "roster_uploads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SourceUploadId",
                table: "persons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "roster_conflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadId = table.Column<int>(type: "INTEGER", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RowValues = table.Column<string>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster_conflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_roster_conflicts_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_roster_conflicts_BatchId_Resolution",
                table: "roster_conflicts",
                columns: new[] { "BatchId", "Resolution" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roster_conflicts");

            migrationBuilder.DropColumn(
                name: "Conflicts",
                table: "roster_uploads");

            migrationBuilder.DropColumn(
                name: "KeptPortal",
                table: "roster_uploads");

            migrationBuilder.DropColumn(
                name: "SkippedDeleted",
                table: "roster_uploads");

            migrationBuilder.DropColumn(
                name: "SourceUploadId",
                table: "persons");
        }
    }
}
