using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialCard.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PhotoDerivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DerivedFromPhotoId",
                table: "person_photos",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DerivedFromPhotoId",
                table: "person_photos");
        }
    }
}
