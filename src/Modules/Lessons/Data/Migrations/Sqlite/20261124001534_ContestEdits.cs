using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Lessons.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContestEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RubricChangedAt",
                table: "les_round",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "les_entry",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RubricChangedAt",
                table: "les_round");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "les_entry");
        }
    }
}
