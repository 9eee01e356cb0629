using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdeaBoardCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_MergedIntoId_IsHidden",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId_IsHidden_Board_Status",
                table: "Ideas",
                columns: new[] { "MergedIntoId", "IsHidden", "Board", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ideas_MergedIntoId_IsHidden_Board_Status",
                table: "Ideas");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId_IsHidden",
                table: "Ideas",
                columns: new[] { "MergedIntoId", "IsHidden" });
        }
    }
}
