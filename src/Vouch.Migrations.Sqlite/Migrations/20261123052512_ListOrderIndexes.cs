using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Indexes in the order the contact list and the reference team's list of requests are read, so that a page at a
    /// million contacts is read from the index instead of sorting the whole table.
    /// </summary>
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_LastName",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_CreatedAt_Id",
                table: "ReferenceRequests",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LastName_FirstName_Id",
                table: "Contacts",
                columns: new[] { "LastName", "FirstName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferenceRequests_CreatedAt_Id",
                table: "ReferenceRequests");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_LastName_FirstName_Id",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LastName",
                table: "Contacts",
                column: "LastName");
        }
    }
}
