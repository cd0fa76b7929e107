using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialCard.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HallReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExportId",
                table: "persons",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExportedAt",
                table: "persons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HallMark",
                table: "persons",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HallMarkReason",
                table: "persons",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HallMarkedAt",
                table: "persons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HallMarkedBy",
                table: "persons",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OnSitePhotoDate",
                table: "persons",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OnSitePhotoHallId",
                table: "persons",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OnSitePhotoTakenAt",
                table: "persons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryDigest",
                table: "batches",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SummaryPrintedAt",
                table: "batches",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_exports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonCount = table.Column<int>(type: "integer", nullable: false),
                    PhotoCount = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_exports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_data_exports_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_comparisons",
                columns: table => new
                {
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    ComparedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    IdNumberResult = table.Column<int>(type: "integer", nullable: false),
                    NameResult = table.Column<int>(type: "integer", nullable: false),
                    SexResult = table.Column<int>(type: "integer", nullable: false),
                    EthnicityResult = table.Column<int>(type: "integer", nullable: false),
                    BirthDateResult = table.Column<int>(type: "integer", nullable: false),
                    PhotoResult = table.Column<int>(type: "integer", nullable: false),
                    RegistryName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RegistrySex = table.Column<int>(type: "integer", nullable: true),
                    RegistryEthnicityCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegistryBirthDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_comparisons", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_person_comparisons_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_persons_ExportId",
                table: "persons",
                column: "ExportId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_HallMark_OnSitePhotoDate",
                table: "persons",
                columns: new[] { "HallMark", "OnSitePhotoDate" });

            migrationBuilder.CreateIndex(
                name: "IX_persons_OnSitePhotoHallId",
                table: "persons",
                column: "OnSitePhotoHallId");

            migrationBuilder.CreateIndex(
                name: "IX_persons_UnitId_ExportId",
                table: "persons",
                columns: new[] { "UnitId", "ExportId" });

            migrationBuilder.CreateIndex(
                name: "IX_batches_SummaryDigest",
                table: "batches",
                column: "SummaryDigest");

            migrationBuilder.CreateIndex(
                name: "IX_data_exports_UnitId_Number",
                table: "data_exports",
                columns: new[] { "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_person_comparisons_BatchId_Outcome",
                table: "person_comparisons",
                columns: new[] { "BatchId", "Outcome" });

            migrationBuilder.AddForeignKey(
                name: "FK_persons_data_exports_ExportId",
                table: "persons",
                column: "ExportId",
                principalTable: "data_exports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_persons_halls_OnSitePhotoHallId",
                table: "persons",
                column: "OnSitePhotoHallId",
                principalTable: "halls",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_persons_data_exports_ExportId",
                table: "persons");

            migrationBuilder.DropForeignKey(
                name: "FK_persons_halls_OnSitePhotoHallId",
                table: "persons");

            migrationBuilder.DropTable(
                name: "data_exports");

            migrationBuilder.DropTable(
                name: "person_comparisons");

            migrationBuilder.DropIndex(
                name: "IX_persons_ExportId",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_persons_HallMark_OnSitePhotoDate",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_persons_OnSitePhotoHallId",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_persons_UnitId_ExportId",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "IX_batches_SummaryDigest",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "ExportId",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "ExportedAt",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "HallMark",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "HallMarkReason",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "HallMarkedAt",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "HallMarkedBy",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "OnSitePhotoDate",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "OnSitePhotoHallId",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "OnSitePhotoTakenAt",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "SummaryDigest",
                table: "batches");

            migrationBuilder.DropColumn(
                name: "SummaryPrintedAt",
                table: "batches");
        }
    }
}
