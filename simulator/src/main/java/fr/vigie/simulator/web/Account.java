package fr.vigie.simulator.web;

/** The one account a simulated service accepts; a blank login never matches. */
record Account(String username, String password) {
    boolean matches(String user, String pass) {
        return !username.isBlank() && username.equals(user) && password.equals(pass);
    }

    @Override
    public String toString() {
        return "Account[" + username + ", ****]";
    }
}
