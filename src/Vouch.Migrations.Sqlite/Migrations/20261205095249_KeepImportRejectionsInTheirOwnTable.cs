using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeepImportRejectionsInTheirOwnTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    File = table.Column<string>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRejections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRejections_ImportId_Id",
                table: "ImportRejections",
                columns: new[] { "ImportId", "Id" });

            // The rejections each import and sync kept as one JSON text, row by row in the order they were written.
            migrationBuilder.Sql("""
                INSERT INTO "ImportRejections" ("ImportId", "File", "Row", "Column", "Reason")
                SELECT o."Id", json_extract(r.value, '$.file'), json_extract(r.value, '$.row'), json_extract(r.value, '$.column'), json_extract(r.value, '$.reason')
                FROM (SELECT "Id", "CreatedAt" AS "At", "Rejections" FROM "ImportJobs"
                      UNION ALL SELECT "Id", "StartedAt", "Rejections" FROM "SalesforceSyncRuns") AS o, json_each(o."Rejections") AS r
                WHERE o."Rejections" IS NOT NULL AND json_valid(o."Rejections")
                ORDER BY o."At", o."Id", r.key;
                """);

            migrationBuilder.DropColumn(
                name: "Rejections",
                table: "SalesforceSyncRuns");

            migrationBuilder.DropColumn(
                name: "Rejections",
                table: "ImportJobs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRejections");

            migrationBuilder.AddColumn<string>(
                name: "Rejections",
                table: "SalesforceSyncRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rejections",
                table: "ImportJobs",
                type: "TEXT",
                nullable: true);
        }
    }
}
