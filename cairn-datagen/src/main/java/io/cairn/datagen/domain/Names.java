package io.cairn.datagen.domain;

/** Word lists for people, streets and products. Fixed arrays: their order is part of the seed contract. */
final class Names {
    static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Mia",
        "Lucas", "Amelia", "Mateo", "Harper", "Ethan", "Evelyn", "Leo", "Aria", "Jack", "Chloe", "Henry", "Nora",
        "Oscar", "Lena", "Finn", "Hannah", "Jonas", "Priya", "Ravi", "Mei", "Kenji", "Fatima", "Omar", "Sofia",
        "Marco", "Ines", "Pablo", "Grace", "Isaac", "Zoe", "Ruby"};
    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Martinez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Lee", "Walker", "Hall",
        "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts",
        "Schmidt", "Mueller", "Novak", "Kowalski", "Nguyen", "Patel", "Singh", "Kim", "Chen", "Rossi"};
    static final String[] STREETS = {"Chestnut Street", "Maple Avenue", "Oak Lane", "Cedar Road", "Elm Street",
        "Willow Way", "Park Avenue", "High Street", "Station Road", "Mill Lane", "Church Street", "Lake Drive"};
    static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example.com"};
    static final String[] ADJECTIVES = {"Classic", "Everyday", "Premium", "Compact", "Deluxe", "Essential",
        "Lightweight", "Heritage", "Modern", "Rugged", "Eco", "Pro"};

    private Names() {
    }
}
