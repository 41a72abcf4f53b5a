// Passwords too common to accept (most frequent in public breach corpora, English and French).
// Compared lower-cased, and also with digits and symbols removed ("Azerty123!" → "azerty").
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456", "123456789", "12345678", "1234567890", "123456789012", "password", "motdepasse", "mot de passe",
  "azerty", "azertyuiop", "qwerty", "qwertyuiop", "abc123", "111111", "000000", "123123", "iloveyou", "admin",
  "administrateur", "administrator", "welcome", "bienvenue", "soleil", "doudou", "chouchou", "loulou", "marseille",
  "nicolas", "julien", "camille", "coucou", "jetaime", "princesse", "football", "dragon", "monkey", "letmein",
  "sunshine", "master", "shadow", "baseball", "superman", "trustno", "passw", "passe", "password", "passwordpassword",
  "motdepassemotdepasse", "changeme", "changezmoi", "secret", "secrets", "bonjour", "bonsoir", "salut", "france",
  "paris", "lille", "amiens", "lens", "hautsdefrance", "region", "prochemploi", "emploi", "plateforme", "utilisateur",
  "user", "test", "testtest", "demo", "demonstration", "azertyazerty", "qwertyqwerty", "abcdefghijkl", "abcdefgh",
  "aaaaaaaaaaaa", "motdepassesecurise", "motdepassefort", "passwordsecure", "hello", "helloworld", "love", "lovely",
  "chocolat", "chocolate", "pokemon", "starwars", "whatever", "qazwsx", "zaqxsw", "trustnoone", "freedom", "liberte",
  "ninja", "mustang", "michael", "jordan", "batman", "charlie", "thomas", "jennifer", "hunter", "killer", "tigger",
  "janvier", "fevrier", "septembre", "octobre", "novembre", "decembre", "printemps", "automne", "hiver", "ete",
]);
