-- Every table Probity creates on MySQL uses utf8mb4 (full Unicode: names in every script).
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
