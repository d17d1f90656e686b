using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItemEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Items written before versions were kept are their version 1.
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "asm_item",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "asm_item_edition",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReferenceAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    blanks = table.Column<string>(type: "TEXT", nullable: true),
                    options = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_item_edition", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_edition_ItemId_Version",
                table: "asm_item_edition",
                columns: new[] { "ItemId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asm_item_edition");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "asm_item");
        }
    }
}
